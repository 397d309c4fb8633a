using System.Security.Claims;
using OmniChannel.Order.Features.MasterData;
using OmniChannel.Order.Features.Rights;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.UnitTests.Security;

/// <summary>Issue 12: rights decided from the caller's token: the store a terminal acts for, the channel of a storefront, a manager's overrides.</summary>
public sealed class StoreRightsTests
{
    private static ClaimsPrincipal Caller(string? storeId, params string[] roles)
    {
        var claims = roles.Select(r => new Claim(PlatformClaims.Role, r)).ToList();
        if (storeId is not null)
            claims.Add(new Claim(PlatformClaims.StoreId, storeId));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Bearer", PlatformClaims.Subject, PlatformClaims.Role));
    }

    private static readonly ClaimsPrincipal HoustonTerminal = Caller("HOUSTON", PlatformRoles.Terminal);
    private static readonly ClaimsPrincipal HoustonCashier = Caller("HOUSTON", PlatformRoles.Terminal, PlatformRoles.Cashier);
    private static readonly ClaimsPrincipal Storefront = Caller(null, PlatformRoles.Storefront);

    [Fact]
    public void A_terminal_and_its_cashier_act_for_their_own_store_only()
    {
        Assert.Null(HoustonTerminal.MayActFor("HOUSTON"));
        Assert.Null(HoustonCashier.MayActFor("HOUSTON"));
        foreach (var other in new[] { "SEATTLE", "houston", "", null })
            Assert.Equal((RefusalKind.Forbidden, StoreScope.OtherStoreCode), (HoustonCashier.MayActFor(other)?.Kind, HoustonCashier.MayActFor(other)?.Code));
    }

    [Fact]
    public void A_terminal_token_without_a_store_acts_for_none_and_a_caller_bound_to_no_store_is_not_scoped_by_this_rule()
    {
        Assert.Equal(StoreScope.OtherStoreCode, Caller(null, PlatformRoles.Terminal).MayActFor("HOUSTON")?.Code);
        Assert.Null(Storefront.MayActFor("SEATTLE"));
        Assert.Null(Caller(null, PlatformRoles.Service).MayActFor("SEATTLE"));
    }

    [Theory]
    [InlineData("HOUSTON", null, null)]
    [InlineData("SEATTLE", null, "auth.other_store")]
    [InlineData("SEATTLE", "online", "auth.other_store")]
    public void A_terminal_creates_orders_for_its_store(string storeId, string? channel, string? refused) =>
        Assert.Equal(refused, OrderRights.MayCreate(HoustonCashier, storeId, channel)?.Code);

    [Theory]
    [InlineData("online", null)]
    [InlineData("ONLINE", null)]
    [InlineData(null, "auth.storefront_online_only")]
    [InlineData("store", "auth.storefront_online_only")]
    [InlineData("callCenter", "auth.storefront_online_only")]
    public void A_storefront_creates_online_orders_only_for_any_store(string? channel, string? refused) =>
        Assert.Equal(refused, OrderRights.MayCreate(Storefront, "SEATTLE", channel)?.Code);

    [Fact]
    public void ORD3_ORD8_overrides_are_for_a_permission_group_that_allows_them()
    {
        var manager = new PermissionGroupRights("manager", AllowDepositOverride: true, AllowCancellationChargeAdjustment: true);
        var cashier = new PermissionGroupRights("cashier", AllowDepositOverride: false, AllowCancellationChargeAdjustment: false);

        Assert.Null(OrderRights.MayOverrideDeposit(manager));
        Assert.Null(OrderRights.MayAdjustCancellationCharge(manager));
        foreach (var none in new[] { cashier, null })
        {
            Assert.Equal((RefusalKind.Forbidden, "order.deposit_override_forbidden"),
                (OrderRights.MayOverrideDeposit(none)?.Kind, OrderRights.MayOverrideDeposit(none)?.Code));
            Assert.Equal("order.cancellation_charge_forbidden", OrderRights.MayAdjustCancellationCharge(none)?.Code);
        }
    }

    [Fact]
    public void A_forbidden_refusal_is_a_403_problem()
    {
        var problem = Refusal.Forbidden("auth.other_store", "no").ToProblem();

        Assert.Equal(403, problem.StatusCode);
        Assert.Equal("auth.other_store", problem.ProblemDetails.Extensions["code"]);
    }
}
