using System.Security.Claims;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.ServiceDefaults.Security;

/// <summary>
/// A terminal, and a cashier signed in on one, act only for the store in their token (<see cref="PlatformClaims.StoreId"/>):
/// its orders, its pickups, its pickup counter. The rule is here once so that every service says no the same way.
/// </summary>
public static class StoreScope
{
    public const string OtherStoreCode = "auth.other_store";

    /// <summary>
    /// Null when the caller may act for <paramref name="storeId"/>: a terminal or cashier of that store, or a caller bound
    /// to no store (a storefront, a service). A terminal's token without a store acts for none.
    /// </summary>
    public static Refusal? MayActFor(this ClaimsPrincipal caller, string? storeId)
    {
        if (!caller.IsInRole(PlatformRoles.Terminal) && !caller.IsInRole(PlatformRoles.Cashier))
            return null;
        var own = caller.StoreId();
        return !string.IsNullOrEmpty(own) && string.Equals(own, storeId, StringComparison.Ordinal)
            ? null
            : Refusal.Forbidden(OtherStoreCode, $"A terminal of store '{own}' acts only for its own store, not for '{storeId}'.");
    }
}
