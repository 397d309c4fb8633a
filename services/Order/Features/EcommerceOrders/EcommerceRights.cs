using System.Security.Claims;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.Order.Features.EcommerceOrders;

/// <summary>
/// Who works the e-commerce sales screen: operators, for every store; a store manager (a cashier whose permission group is
/// <c>manager</c>) for the orders picked up at their own store. A storefront only posts webhooks; a plain cashier or a
/// terminal without a manager signed in does not decide on web orders.
/// </summary>
public static class EcommerceRights
{
    public const string ManagerGroup = "manager";

    public static Refusal? MayWorkOn(ClaimsPrincipal caller, string? storeId)
    {
        if (caller.IsInRole(PlatformRoles.Operator))
            return null;
        if (!caller.IsInRole(PlatformRoles.Cashier) || caller.PermissionGroup() != ManagerGroup)
            return Refusal.Forbidden("ecommerce.manager_required", "The e-commerce sales screen is a store manager's or an operator's.");
        return storeId is null ? null : caller.MayActFor(storeId);
    }

    /// <summary>The store whose queue the caller sees: a manager's own; null for an operator (every store).</summary>
    public static string? QueueOf(ClaimsPrincipal caller) => caller.IsInRole(PlatformRoles.Operator) ? null : caller.StoreId() ?? "";
}
