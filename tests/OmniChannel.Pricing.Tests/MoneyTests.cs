using static OmniChannel.Pricing.Tests.Shop;

namespace OmniChannel.Pricing.Tests;

/// <summary>Money: decimal, rounded per currency, per discount per line, midpoint away from zero; totals are sums of lines.</summary>
public class MoneyTests
{
    [Theory]
    [InlineData("USD", 2.345, 2.35)]
    [InlineData("USD", -2.345, -2.35)]
    [InlineData("USD", 2.344, 2.34)]
    [InlineData("JPY", 1234.5, 1235)]
    [InlineData("KWD", 1.2345, 1.235)]
    public void Each_currency_rounds_to_its_precision_midpoint_away_from_zero(string code, decimal amount, decimal expected) =>
        Assert.Equal(expected, CurrencyRule.For(code).Round(amount));

    [Theory]
    [InlineData(10.00, new[] { 1.0, 1.0, 1.0 }, new[] { 3.34, 3.33, 3.33 })]
    [InlineData(0.05, new[] { 200.0, 80.0, 10.0 }, new[] { 0.04, 0.01, 0.00 })]
    [InlineData(7.00, new[] { 0.0, 0.0 }, new[] { 3.50, 3.50 })]
    public void Allocations_add_up_to_the_total_exactly(decimal total, double[] weights, double[] expected)
    {
        var shares = CurrencyRule.For("USD").Allocate(total, weights.Select(w => (decimal)w).ToArray());

        Assert.Equal(expected.Select(e => (decimal)e), shares);
        Assert.Equal(total, shares.Sum());
    }

    [Fact]
    public void A_percent_is_rounded_once_per_line_not_per_unit()
    {
        // 3 × 19.99 at 15 %: 8.9955 off the line, 9.00 rounded (per unit it would be 3 × 3.00 = 9.00 or 3 × 2.9985).
        var priced = Price(Book(Simple("B15", [Bottle], percent: 15)), Cart(Line("1", Bottle, 3)));

        Assert.Equal((59.97m, 9.00m, 50.97m), (priced.Lines[0].GrossAmount, priced.Lines[0].DiscountAmount, priced.Lines[0].NetAmount));
    }

    [Fact]
    public void A_return_line_is_priced_negative_without_system_discounts()
    {
        var priced = Price(Book(Simple("LAMP10", [Lamp], percent: 10)), Cart(Line("1", Lamp), Line("2", Lamp) with { IsReturn = true }));

        AssertConsistent(priced);
        Assert.Equal((-40.00m, 0m), (priced.Lines[1].NetAmount, priced.Lines[1].DiscountAmount));
        Assert.Equal(-4.00m, priced.NetAmount);
    }

    /// <summary>Random carts against every kind of discount: the invariants hold on every one.</summary>
    [Fact]
    public void Totals_always_equal_the_sum_of_the_lines()
    {
        var book = Book(
            Simple("P", [Bottle, Lamp], percent: 12.5m), Simple("A", [Socks], amount: 0.33m, mode: ConcurrencyMode.Compound),
            Simple("C", [Socks, Bottle], percent: 7, mode: ConcurrencyMode.Compound),
            Quantity("Q", [Socks, Bottle], [new(2, PercentOff: 3.3m), new(5, UnitPrice: 9.99m)]),
            MixAndMatch("M", new(MixAndMatchDealType.DealPrice, 99.99m), groups: [([Bag, Jacket], 1), ([Bottle, Lamp], 2)]),
            MixAndMatch("L", new(MixAndMatchDealType.LeastExpensiveFree, FreeItems: 1), priority: 1, groups: [([Shoes, Socks, Bottle], 3)]),
            Threshold("T", [new(50, PercentOff: 2.5m), new(400, AmountOff: 33.33m)], mode: ConcurrencyMode.Compound));
        var products = Products.Values.ToArray();
        var random = new Random(7);
        for (var round = 0; round < 300; round++)
        {
            var lines = Enumerable.Range(1, random.Next(1, 9))
                .Select(i => Line($"{i}", products[random.Next(products.Length)], random.Next(1, 5)) with { IsReturn = random.Next(10) == 0 })
                .ToArray();
            var cart = Cart(lines);
            if (lines.All(l => !l.IsReturn) && random.Next(2) == 0)
                cart = cart with { TotalDiscount = new ManualDiscount(Percent: 3.7m) };

            AssertConsistent(Price(book, cart, group: "manager"));
        }
    }
}
