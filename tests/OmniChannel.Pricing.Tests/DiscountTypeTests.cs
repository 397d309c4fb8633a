using static OmniChannel.Pricing.Tests.Shop;

namespace OmniChannel.Pricing.Tests;

/// <summary>PRC-10 (system discounts): each discount type on its own. Shoes 100, socks 10, jacket 200, bag 80, tent 300, lamp 40, bottle 19.99.</summary>
public class DiscountTypeTests
{
    public sealed record Case(string Name, Discount Discount, CartLine[] Lines, decimal ExpectedNet, bool Applied = true)
    {
        public override string ToString() => Name;
    }

    private static readonly QuantityTier[] SockTiers = [new(3, PercentOff: 10), new(6, PercentOff: 20)];

    public static TheoryData<Case> Cases => new()
    {
        new("simple percent off", Simple("D", [Lamp], percent: 25), [Line("1", Lamp)], 30.00m),
        new("simple amount off per unit", Simple("D", [Lamp], amount: 15), [Line("1", Lamp, 2)], 50.00m),
        new("simple fixed price", Simple("D", [Lamp], price: 29.99m), [Line("1", Lamp)], 29.99m),
        new("simple amount never below zero", Simple("D", [Socks], amount: 15), [Line("1", Socks)], 0.00m),
        new("simple on another product does nothing", Simple("D", [Lamp], percent: 25), [Line("1", Bag)], 80.00m, Applied: false),
        new("quantity first tier", Quantity("D", [Socks], SockTiers), [Line("1", Socks, 4)], 36.00m),
        new("quantity second tier", Quantity("D", [Socks], SockTiers), [Line("1", Socks, 6)], 48.00m),
        new("quantity tier counts units across lines", Quantity("D", [Socks, Bottle], SockTiers), [Line("1", Socks, 2), Line("2", Bottle)], 35.99m),
        new("quantity below the first tier", Quantity("D", [Socks], SockTiers), [Line("1", Socks, 2)], 20.00m, Applied: false),
        new("quantity unit price tier", Quantity("D", [Socks], [new(3, UnitPrice: 8)]), [Line("1", Socks, 3)], 24.00m),
        new("quantity amount off tier", Quantity("D", [Socks], [new(2, AmountOff: 1.5m)]), [Line("1", Socks, 2)], 17.00m),
        new("mix-and-match least expensive free", MixAndMatch("D", new(MixAndMatchDealType.LeastExpensiveFree), groups: [([Shoes], 1), ([Socks], 1)]),
            [Line("1", Shoes), Line("2", Socks)], 100.00m),
        new("mix-and-match deals repeat", MixAndMatch("D", new(MixAndMatchDealType.LeastExpensiveFree), groups: [([Shoes], 1), ([Socks], 1)]),
            [Line("1", Shoes, 2), Line("2", Socks, 3)], 210.00m),
        new("mix-and-match deal price", MixAndMatch("D", new(MixAndMatchDealType.DealPrice, 249), groups: [([Jacket], 1), ([Bag], 1)]),
            [Line("1", Jacket), Line("2", Bag)], 249.00m),
        new("mix-and-match percent off", MixAndMatch("D", new(MixAndMatchDealType.PercentOff, 25), groups: [([Tent], 1), ([Lamp], 2)]),
            [Line("1", Tent), Line("2", Lamp, 2)], 285.00m),
        new("mix-and-match amount off", MixAndMatch("D", new(MixAndMatchDealType.AmountOff, 30), groups: [([Jacket], 1), ([Socks], 1)]),
            [Line("1", Jacket), Line("2", Socks)], 180.00m),
        new("mix-and-match group of alternatives", MixAndMatch("D", new(MixAndMatchDealType.AmountOff, 30), groups: [([Jacket, Tent], 1), ([Socks], 1)]),
            [Line("1", Tent), Line("2", Socks)], 280.00m),
        new("mix-and-match one item short", MixAndMatch("D", new(MixAndMatchDealType.PercentOff, 25), groups: [([Tent], 1), ([Lamp], 2)]),
            [Line("1", Tent), Line("2", Lamp)], 340.00m, Applied: false),
        new("threshold amount off", Threshold("D", [new(300, AmountOff: 25)]), [Line("1", Jacket), Line("2", Bag), Line("3", Lamp)], 295.00m),
        new("threshold highest tier reached", Threshold("D", [new(300, AmountOff: 25), new(500, PercentOff: 10)]),
            [Line("1", Tent), Line("2", Jacket)], 450.00m),
        new("threshold below its minimum", Threshold("D", [new(300, AmountOff: 25)]), [Line("1", Jacket), Line("2", Bag)], 280.00m, Applied: false),
        new("threshold counts discountable products only", Threshold("D", [new(300, AmountOff: 25)]),
            [Line("1", Sleeping), Line("2", Bag)], 330.00m, Applied: false),
        new("threshold on its own products", Threshold("D", [new(100, PercentOff: 10)], products: [Jacket]),
            [Line("1", Jacket), Line("2", Bag)], 260.00m),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_discount_type_prices_as_defined(Case c)
    {
        var priced = Price(Book(c.Discount), Cart(c.Lines));

        AssertConsistent(priced);
        Assert.Equal(c.ExpectedNet, priced.NetAmount);
        Assert.Equal(c.Applied, priced.Lines.Any(l => l.Discounts.Any(d => d.DiscountId == "D")));
        Assert.True(priced.BestPriceExact);
    }

    [Fact]
    public void A_deal_is_split_over_its_lines_in_proportion_to_price()
    {
        var priced = Price(Book(MixAndMatch("D", new(MixAndMatchDealType.DealPrice, 249), groups: [([Jacket], 1), ([Bag], 1)])),
            Cart(Line("1", Jacket), Line("2", Bag)));

        // 31 off a 280 deal: 200/280 and 80/280 of it, in whole cents, adding up exactly.
        Assert.Equal(22.14m, priced.Lines[0].DiscountAmount);
        Assert.Equal(8.86m, priced.Lines[1].DiscountAmount);
    }

    [Fact]
    public void Least_expensive_free_puts_the_discount_on_the_free_unit()
    {
        var priced = Price(Book(MixAndMatch("D", new(MixAndMatchDealType.LeastExpensiveFree), groups: [([Shoes], 1), ([Socks], 1)])),
            Cart(Line("1", Shoes), Line("2", Socks)));

        Assert.Equal(0m, priced.Lines[0].DiscountAmount);
        Assert.Equal(10.00m, priced.Lines[1].DiscountAmount);
        var applied = Assert.Single(priced.Lines[1].Discounts);
        Assert.Equal((AppliedDiscountType.MixAndMatch, ConcurrencyMode.BestPrice), (applied.Type, applied.Mode));
    }

    [Fact]
    public void PRC2_discounts_outside_their_validity_or_price_group_do_not_apply()
    {
        var expired = Simple("OLD", [Lamp], percent: 50) with { ValidTo = Now.AddDays(-1) };
        var future = Simple("NEW", [Lamp], percent: 50) with { ValidFrom = Now.AddDays(1) };
        var elsewhere = Simple("ELSE", [Lamp], percent: 50, group: "OUTLET");

        var priced = Price(Book(expired, future, elsewhere), Cart(Line("1", Lamp)));

        Assert.Equal(40.00m, priced.NetAmount);
    }

    [Theory]
    [InlineData("C-CLUB", 30.00)]
    [InlineData("C-STAFF", 20.00)]
    [InlineData(null, 40.00)]
    public void PRC2_affiliation_and_loyalty_price_groups_bring_their_discounts(string? customer, decimal expected)
    {
        var book = Book(Simple("CLUB25", [Lamp], percent: 25, group: "CLUB"), Simple("STAFF50", [Lamp], percent: 50, group: "STAFF"));

        var priced = Price(book, Cart(Line("1", Lamp)) with { CustomerId = customer });

        Assert.Equal(expected, priced.NetAmount);
    }

    [Fact]
    public void PRC2_a_catalog_of_the_store_brings_its_discounts_to_that_store_only()
    {
        var book = Book(Simple("SPRING10", [Lamp], percent: 10, group: "SPRING"));

        Assert.Equal(36.00m, Price(book, Cart(Line("1", Lamp))).NetAmount);
        Assert.Equal(40.00m, Price(book, Cart(Line("1", Lamp)) with { StoreId = OtherStoreId }).NetAmount);
    }

    [Fact]
    public void Invalid_discount_definitions_are_left_out_of_the_price_book()
    {
        var book = Book(Simple("BAD", [Lamp], percent: 150), Simple("GOOD", [Lamp], percent: 10));

        Assert.Equal("BAD", Assert.Single(book.Rejected).DiscountId);
        Assert.Equal(36.00m, Price(book, Cart(Line("1", Lamp))).NetAmount);
    }
}
