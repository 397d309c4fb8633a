using System.Security.Claims;
using Marten;
using OmniChannel.Order.Features.MasterData;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.Order.Features.Rights;

/// <summary>
/// What the caller's token lets them do to an order, decided here and never from the request: a terminal (or its
/// cashier) acts for its own store only (<see cref="StoreScope"/>), a storefront takes online orders only, and overriding
/// the deposit (ORD-3) or the cancellation charge (ORD-8) takes a permission group that allows it (catalog.json).
/// </summary>
public static class OrderRights
{
    public static Refusal? MayCreate(ClaimsPrincipal caller, string? storeId, string? channel)
    {
        if (caller.IsInRole(PlatformRoles.Terminal) || caller.IsInRole(PlatformRoles.Cashier))
            return caller.MayActFor(storeId);
        if (caller.IsInRole(PlatformRoles.Storefront) && !string.Equals(channel, "online", StringComparison.OrdinalIgnoreCase))
            return Refusal.Forbidden("auth.storefront_online_only", "A storefront takes online orders only (channel \"online\").");
        return null;
    }

    /// <summary>
    /// The terminal an order is taken on is the token's (<c>terminal_id</c>), never the body's: a body naming another
    /// terminal is refused; one naming none takes the token's. Callers without a terminal (a storefront, the call center)
    /// keep what the body says.
    /// </summary>
    public static (string? TerminalId, Refusal? Refusal) TerminalOf(ClaimsPrincipal caller, string? requested)
    {
        if (caller.TerminalId() is not { Length: > 0 } own)
            return (requested, null);
        return string.IsNullOrWhiteSpace(requested) || string.Equals(requested.Trim(), own, StringComparison.Ordinal)
            ? (own, null)
            : (null, Refusal.Forbidden("auth.other_terminal", $"This token is terminal '{own}'s: it takes orders as '{own}', not as '{requested}'."));
    }

    /// <summary>
    /// A terminal reads, and acts on, what its store's work needs: the orders of its store, and those with a line picked
    /// up at or shipped from it (its pickup counter, its stockroom). Operators, services and storefronts are not bound to a store.
    /// </summary>
    public static Refusal? MayWorkOn(ClaimsPrincipal caller, string storeId, IEnumerable<Orders.OrderLine> lines) =>
        caller.MayActFor(storeId) is not { } otherStore || StoresWorkingOn(storeId, lines).Any(store => caller.MayActFor(store) is null)
            ? null
            : otherStore;

    /// <summary>
    /// The stores whose terminals may work on an order (<see cref="MayWorkOn"/>): its own, and every line's pickup or
    /// ship-from location. ORD-6's search keeps them on each order's summary and filters by them.
    /// </summary>
    public static string[] StoresWorkingOn(string storeId, IEnumerable<Orders.OrderLine> lines) =>
        lines.Select(l => l.Fulfillment.LocationId).Prepend(storeId).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>
    /// The store a caller's reads are bound to: a terminal's or its cashier's own (empty when the token names none, which
    /// reads nothing); null for callers bound to no store (operators, services). The search's form of <see cref="MayWorkOn"/>.
    /// </summary>
    public static string? ReadsBoundTo(ClaimsPrincipal caller) =>
        caller.IsInRole(PlatformRoles.Terminal) || caller.IsInRole(PlatformRoles.Cashier) ? caller.StoreId() ?? "" : null;

    /// <summary>ORD-3: a deposit percent other than the parameters' needs a group that allows it.</summary>
    public static Refusal? MayOverrideDeposit(PermissionGroupRights? rights) => rights is { AllowDepositOverride: true }
        ? null
        : Refusal.Forbidden("order.deposit_override_forbidden",
            "Only a cashier whose permission group allows it (a manager) may override the deposit percent.");

    /// <summary>ORD-8: a cancellation charge other than the parameters' needs a group that allows it.</summary>
    public static Refusal? MayAdjustCancellationCharge(PermissionGroupRights? rights) => rights is { AllowCancellationChargeAdjustment: true }
        ? null
        : Refusal.Forbidden("order.cancellation_charge_forbidden",
            "Only a cashier whose permission group allows it (a manager) may change the cancellation charge.");

    /// <summary>The rights of the caller's permission group (claim <c>permission_group</c>); null without a cashier.</summary>
    public static async Task<PermissionGroupRights?> LoadAsync(IQuerySession session, ClaimsPrincipal caller, CancellationToken ct) =>
        caller.PermissionGroup() is { Length: > 0 } group ? await session.LoadAsync<PermissionGroupRights>(group, ct) : null;
}
