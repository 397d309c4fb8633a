using static OmniChannel.Pricing.Tests.Shop;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.Pricing.Tests;

/// <summary>PRC-11 / PRC-12: coupons by code or barcode unlock their discounts; unknown or expired ones are refused.</summary>
public class CouponTests
{
    private static readonly PriceBook Book = PriceBook.Compile(Data(
        [Simple("BAG20", [Bag], percent: 20), Simple("LAMP10", [Lamp], amount: 10)],
        [
            new Coupon("C1", "SPRING20", "9800000000017", ["BAG20"]),
            new Coupon("C2", "WELCOME10", null, ["LAMP10"], ApplyWithoutCode: true),
            new Coupon("C3", "SUMMER23", null, ["BAG20"], ValidTo: Now.AddYears(-2)),
            new Coupon("C4", "AUTUMN", null, ["BAG20"], ValidFrom: Now.AddMonths(6)),
        ]));

    private static Cart BagAndLamp(params string[] coupons) => Cart(Line("1", Bag), Line("2", Lamp)) with { CouponCodes = coupons };

    [Theory]
    [InlineData("SPRING20", 64.00)]
    [InlineData("spring20", 64.00)]
    [InlineData("9800000000017", 64.00)]
    public void PRC11_a_coupon_code_or_barcode_unlocks_its_discount(string code, decimal bagNet)
    {
        var priced = Price(Book, BagAndLamp(code));

        Assert.Equal(bagNet, Net(priced, "1"));
        Assert.Equal("SPRING20", Assert.Single(priced.Lines[0].Discounts).CouponCode);
        Assert.Equal(["SPRING20"], priced.AppliedCouponCodes);
    }

    [Fact]
    public void PRC11_without_its_coupon_a_coupon_discount_does_not_apply()
    {
        var priced = Price(Book, BagAndLamp());

        Assert.Equal(120.00m, priced.NetAmount);
    }

    [Theory]
    [InlineData("NOPE", "coupon.not_found", RefusalKind.NotFound)]
    [InlineData("SUMMER23", "coupon.expired", RefusalKind.Conflict)]
    [InlineData("AUTUMN", "coupon.not_yet_valid", RefusalKind.Conflict)]
    [InlineData(" ", "coupon.code_required", RefusalKind.Invalid)]
    public void PRC11_unknown_or_expired_coupons_are_refused(string code, string expectedCode, RefusalKind kind)
    {
        var refusal = Refuse(Book, BagAndLamp(code));
        Assert.Equal((expectedCode, kind), (refusal.Code, refusal.Kind));

        var operation = CartOperations.AddCoupon(BagAndLamp(), code, Book, Now);
        Assert.Equal(expectedCode, operation.Refusal?.Code);
    }

    [Fact]
    public void PRC11_adding_a_coupon_keeps_its_code_and_adding_it_again_changes_nothing()
    {
        var once = CartOperations.AddCoupon(BagAndLamp(), "9800000000017", Book, Now).Value!;
        var twice = CartOperations.AddCoupon(once, "spring20", Book, Now).Value!;

        Assert.Equal(["SPRING20"], once.CouponCodes);
        Assert.Equal(["SPRING20"], twice.CouponCodes);
    }

    [Fact]
    public void PRC11_a_coupon_that_discounts_nothing_in_the_cart_is_reported_unused()
    {
        var priced = Price(Book, Cart(Line("1", Lamp)) with { CouponCodes = ["SPRING20"] });

        Assert.Empty(priced.AppliedCouponCodes);
        Assert.Equal(["SPRING20"], priced.UnusedCouponCodes);
    }

    [Fact]
    public void PRC12_removing_selected_coupons_takes_their_discounts_away()
    {
        var cart = BagAndLamp("SPRING20", "WELCOME10");
        Assert.Equal(94.00m, Price(Book, cart).NetAmount);

        var removed = CartOperations.RemoveCoupons(cart, ["9800000000017"], Book).Value!;

        Assert.Equal(["WELCOME10"], removed.CouponCodes);
        Assert.Equal(110.00m, Price(Book, removed).NetAmount);
    }

    [Fact]
    public void PRC12_removing_a_coupon_the_cart_does_not_hold_is_refused()
    {
        var refusal = CartOperations.RemoveCoupons(BagAndLamp("SPRING20"), ["WELCOME10"], Book).Refusal;

        Assert.Equal("coupon.not_in_cart", refusal?.Code);
    }
}
