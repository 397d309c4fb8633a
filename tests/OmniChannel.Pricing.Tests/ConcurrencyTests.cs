using static OmniChannel.Pricing.Tests.Shop;

namespace OmniChannel.Pricing.Tests;

/// <summary>PRC-10 (system discounts): exclusive, best price and compound, and pricing priority.</summary>
public class ConcurrencyTests
{
    public sealed record Case(string Name, Discount[] Discounts, CartLine[] Lines, decimal ExpectedNet, string[] ExpectedApplied)
    {
        public override string ToString() => Name;
    }

    private const ConcurrencyMode Exclusive = ConcurrencyMode.Exclusive;
    private const ConcurrencyMode Compound = ConcurrencyMode.Compound;

    public static TheoryData<Case> Cases => new()
    {
        new("best price: the larger of two discounts", [Simple("P10", [Lamp], percent: 10), Simple("A5", [Lamp], amount: 5)],
            [Line("1", Lamp)], 35.00m, ["A5"]),
        new("exclusive wins over a more generous best price of its priority",
            [Simple("EX10", [Lamp], percent: 10, mode: Exclusive), Simple("BP50", [Lamp], percent: 50)],
            [Line("1", Lamp)], 36.00m, ["EX10"]),
        new("exclusive: the best of the exclusive ones",
            [Simple("EX10", [Lamp], percent: 10, mode: Exclusive), Simple("EX20", [Lamp], percent: 20, mode: Exclusive)],
            [Line("1", Lamp)], 32.00m, ["EX20"]),
        new("compound: percentages first, then amounts, each on what is left",
            [Simple("C5", [Lamp], amount: 5, mode: Compound), Simple("C10", [Lamp], percent: 10, mode: Compound)],
            [Line("1", Lamp)], 31.00m, ["C10", "C5"]),
        new("compound stack against best price: best price larger",
            [Simple("C10a", [Lamp], percent: 10, mode: Compound), Simple("C10b", [Lamp], percent: 10, mode: Compound), Simple("BP20", [Lamp], percent: 20)],
            [Line("1", Lamp)], 32.00m, ["BP20"]),
        new("compound stack against best price: stack larger",
            [Simple("C10a", [Lamp], percent: 10, mode: Compound), Simple("C10b", [Lamp], percent: 10, mode: Compound), Simple("BP15", [Lamp], percent: 15)],
            [Line("1", Lamp)], 32.40m, ["C10a", "C10b"]),
        new("a higher priority keeps lower ones off its units",
            [Simple("HIGH10", [Lamp], percent: 10, priority: 5), Simple("LOW50", [Lamp], percent: 50)],
            [Line("1", Lamp)], 36.00m, ["HIGH10"]),
        new("lower priorities take the units a higher one left",
            [MixAndMatch("DEAL", new(MixAndMatchDealType.DealPrice, 249), priority: 5, groups: [([Jacket], 1), ([Bag], 1)]), Simple("BAG50", [Bag], percent: 50)],
            [Line("1", Jacket), Line("2", Bag, 2)], 289.00m, ["DEAL", "BAG50"]),
        new("exclusive mix-and-match wins over a more generous best price",
            [MixAndMatch("EXDEAL", new(MixAndMatchDealType.DealPrice, 270), mode: Exclusive, groups: [([Jacket], 1), ([Bag], 1)]), Simple("J20", [Jacket], percent: 20)],
            [Line("1", Jacket), Line("2", Bag)], 270.00m, ["EXDEAL"]),
        new("compound mix-and-match stacks on compound simple discounts",
            [Simple("C10", [Jacket], percent: 10, mode: Compound), MixAndMatch("CDEAL", new(MixAndMatchDealType.AmountOff, 20), mode: Compound, groups: [([Jacket], 1), ([Bag], 1)])],
            [Line("1", Jacket), Line("2", Bag)], 240.00m, ["C10", "CDEAL"]),
        new("compound quantity stacks on compound simple discounts",
            [Simple("C10", [Socks], percent: 10, mode: Compound), Quantity("CQ", [Socks], [new(2, PercentOff: 50)], mode: Compound)],
            [Line("1", Socks, 2)], 9.00m, ["C10", "CQ"]),
        new("an exclusive line discount keeps thresholds off its line",
            [Simple("EX10", [Lamp], percent: 10, mode: Exclusive), Threshold("T10", [new(30, PercentOff: 10)], mode: Compound)],
            [Line("1", Lamp), Line("2", Bag)], 108.00m, ["EX10", "T10"]),
        new("a compound threshold stacks on discounted lines",
            [Simple("P10", [Lamp], percent: 10), Threshold("T10", [new(30, PercentOff: 10)], mode: Compound)],
            [Line("1", Lamp)], 32.40m, ["P10", "T10"]),
        new("a best-price threshold counts what discounted lines cost after their discounts",
            [Simple("P10", [Lamp], percent: 10), Threshold("T10", [new(116, AmountOff: 10)])],
            [Line("1", Lamp), Line("2", Bag)], 106.00m, ["P10", "T10"]),
        new("after its discounts the cart is under the threshold",
            [Simple("P10", [Lamp], percent: 10), Threshold("T10", [new(117, AmountOff: 10)])],
            [Line("1", Lamp), Line("2", Bag)], 116.00m, ["P10"]),
        new("an exclusive threshold counts and discounts only undiscounted lines",
            [Simple("P10", [Lamp], percent: 10), Threshold("TEX", [new(50, AmountOff: 10)], mode: Exclusive)],
            [Line("1", Lamp), Line("2", Bag)], 106.00m, ["P10", "TEX"]),
        new("an exclusive threshold wins over best-price and compound thresholds",
            [Threshold("TEX", [new(100, PercentOff: 5)], mode: Exclusive), Threshold("TBP", [new(100, PercentOff: 20)]),
             Threshold("TC", [new(100, PercentOff: 10)], mode: Compound)],
            [Line("1", Jacket)], 190.00m, ["TEX"]),
        new("one best-price threshold, then compound thresholds on what is left",
            [Threshold("TBP", [new(100, PercentOff: 20)]), Threshold("TBP2", [new(100, PercentOff: 10)]), Threshold("TC", [new(100, PercentOff: 10)], mode: Compound)],
            [Line("1", Jacket)], 144.00m, ["TBP", "TC"]),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Concurrency_modes_and_priorities(Case c)
    {
        var priced = Price(Book(c.Discounts), Cart(c.Lines));

        AssertConsistent(priced);
        Assert.Equal(c.ExpectedNet, priced.NetAmount);
        Assert.Equal(c.ExpectedApplied.Order(), priced.Lines.SelectMany(l => l.Discounts).Select(d => d.DiscountId).Distinct().Order());
    }
}
