using static OmniChannel.Pricing.Tests.Shop;

namespace OmniChannel.Pricing.Tests;

/// <summary>PRC-9 / PRC-10: remove every system discount (coupon-based included), keep manual ones; reapply them.</summary>
public class SystemDiscountTests
{
    private static readonly PriceBook Book = PriceBook.Compile(Data(
        [Simple("LAMP10", [Lamp], percent: 10), Simple("BAG20", [Bag], percent: 20), Threshold("T", [new(100, AmountOff: 5)], mode: ConcurrencyMode.Compound)],
        [new Coupon("C1", "SPRING20", null, ["BAG20"])]));

    private static readonly Cart Discounted = Cart(Line("1", Lamp) with { LineDiscount = new ManualDiscount(Amount: 4) }, Line("2", Bag))
        with
    { CouponCodes = ["SPRING20"] };

    [Fact]
    public void PRC9_removing_system_discounts_keeps_manual_ones_and_the_coupons()
    {
        var removed = CartOperations.RemoveSystemDiscounts(Discounted);
        var priced = Price(Book, removed);

        Assert.True(priced.SystemDiscountsRemoved);
        Assert.Equal(["SPRING20"], removed.CouponCodes);
        Assert.Equal([AppliedDiscount.ManualLineId], priced.Lines.SelectMany(l => l.Discounts).Select(d => d.DiscountId));
        Assert.Equal(116.00m, priced.NetAmount);
    }

    [Fact]
    public void PRC10_reapplying_brings_every_system_discount_back()
    {
        var before = Price(Book, Discounted);
        var reapplied = Price(Book, CartOperations.ReapplySystemDiscounts(CartOperations.RemoveSystemDiscounts(Discounted)));

        Assert.Equal(before, reapplied, new PricedCartComparer());
        Assert.Equal(["LAMP10", "T", AppliedDiscount.ManualLineId, "BAG20", "T"], reapplied.Lines.SelectMany(l => l.Discounts).Select(d => d.DiscountId));
    }

    private sealed class PricedCartComparer : IEqualityComparer<PricedCart>
    {
        public bool Equals(PricedCart? x, PricedCart? y) => x!.NetAmount == y!.NetAmount
            && x.Lines.SelectMany(l => l.Discounts).SequenceEqual(y.Lines.SelectMany(l => l.Discounts));

        public int GetHashCode(PricedCart obj) => obj.NetAmount.GetHashCode();
    }
}
