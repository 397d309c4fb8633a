using static OmniChannel.Pricing.Tests.Shop;

namespace OmniChannel.Pricing.Tests;

/// <summary>PRC-10 (system discounts): among overlapping best-price discounts the lowest total wins, found exactly.</summary>
public class BestPriceTests
{
    public sealed record Case(string Name, Discount[] Discounts, CartLine[] Lines, decimal ExpectedNet, decimal GreedyNet)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<Case> Cases => new()
    {
        // Greedy takes the densest deal (jacket + bag, 30 off) and blocks the two others (25 + 25).
        new("two deals beat the single best one",
            [MixAndMatch("JB", new(MixAndMatchDealType.AmountOff, 30), groups: [([Jacket], 1), ([Bag], 1)]),
             MixAndMatch("JT", new(MixAndMatchDealType.AmountOff, 25), groups: [([Jacket], 1), ([Tent], 1)]),
             MixAndMatch("BL", new(MixAndMatchDealType.AmountOff, 25), groups: [([Bag], 1), ([Lamp], 1)])],
            [Line("1", Jacket), Line("2", Bag), Line("3", Tent), Line("4", Lamp)], 570.00m, 590.00m),
        // Buy two, cheapest free: pairing (jacket, shoes) and (bag, socks) frees 110; other pairings free 90.
        new("least expensive free pairs units for the largest total",
            [MixAndMatch("B2", new(MixAndMatchDealType.LeastExpensiveFree), groups: [([Jacket, Shoes, Bag, Socks], 2)])],
            [Line("1", Jacket), Line("2", Shoes), Line("3", Bag), Line("4", Socks)], 280.00m, 280.00m),
        new("a simple discount beats a deal that would take its unit",
            [Simple("S30", [Shoes], percent: 30), MixAndMatch("SS", new(MixAndMatchDealType.LeastExpensiveFree), groups: [([Shoes], 1), ([Socks], 1)])],
            [Line("1", Shoes), Line("2", Socks)], 80.00m, 80.00m),
        new("a quantity tier beats a deal over the same units",
            [Quantity("Q", [Socks], [new(3, PercentOff: 50)]), MixAndMatch("SS", new(MixAndMatchDealType.LeastExpensiveFree), groups: [([Shoes], 1), ([Socks], 1)])],
            [Line("1", Shoes), Line("2", Socks, 3)], 115.00m, 120.00m),
        new("a deal on some units, the simple discount on the rest",
            [Simple("B10", [Bag], percent: 10), MixAndMatch("JB", new(MixAndMatchDealType.DealPrice, 230), groups: [([Jacket], 1), ([Bag], 1)])],
            [Line("1", Jacket), Line("2", Bag, 3)], 374.00m, 374.00m),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Best_price_finds_the_lowest_total(Case c)
    {
        var book = Book(c.Discounts);

        var exact = Price(book, Cart(c.Lines));
        var greedy = Price(book, Cart(c.Lines), SearchLimits.GreedyOnly);

        AssertConsistent(exact);
        Assert.Equal(c.ExpectedNet, exact.NetAmount);
        Assert.True(exact.BestPriceExact);
        Assert.Equal(c.GreedyNet, greedy.NetAmount);
        Assert.False(greedy.BestPriceExact);
    }

    [Fact]
    public void Beyond_the_search_limits_the_greedy_fallback_prices_and_says_so()
    {
        var book = Book(MixAndMatch("JB", new(MixAndMatchDealType.AmountOff, 30), groups: [([Jacket], 1), ([Bag], 1)]));

        var priced = Price(book, Cart(Line("1", Jacket, 40), Line("2", Bag, 40)), new SearchLimits(MaxUnits: 64));

        Assert.False(priced.BestPriceExact);
        Assert.Equal(40 * 250.00m, priced.NetAmount);
    }

    /// <summary>The branch and bound gives the same optimum as trying every combination, on random overlapping problems.</summary>
    [Fact]
    public void Search_matches_exhaustive_enumeration_on_random_problems()
    {
        var random = new Random(20260315);
        for (var round = 0; round < 400; round++)
        {
            var problem = RandomProblem(random);
            var result = BestPriceSearch.Solve(problem, new SearchLimits(NodeBudget: int.MaxValue));
            Assert.True(result.Exact);
            Assert.Equal(Exhaustive(problem), result.Gain);
            Assert.Equal(result.Gain, result.Deals.Sum(d => d.Gain) + result.Quantities.Sum(q => QuantityGain(q)));
        }
    }

    private static long QuantityGain(QuantityPick pick) =>
        pick.Units.Select((n, k) => n * pick.Option.Gains[pick.Tier][k]).Sum();

    private static SearchProblem RandomProblem(Random random)
    {
        var lines = random.Next(2, 6);
        var problem = new SearchProblem { Counts = Enumerable.Range(0, lines).Select(_ => random.Next(1, 4)).ToArray() };
        for (var owner = 0; owner < random.Next(1, 6); owner++)
        {
            var used = Enumerable.Range(0, lines).Where(_ => random.Next(2) == 0).DefaultIfEmpty(0).ToArray();
            var counts = used.Select(_ => random.Next(1, 3)).ToArray();
            problem.Patterns.Add(new DealPattern { Owner = owner, Lines = used, Counts = counts, Size = counts.Sum(), Gain = random.Next(1, 100) });
        }
        if (random.Next(2) == 0)
        {
            var matching = Enumerable.Range(0, lines).Where(_ => random.Next(2) == 0).DefaultIfEmpty(lines - 1).ToArray();
            problem.Quantities.Add(new QuantityOption
            {
                Owner = 99, Lines = matching, MinQuantities = [2, 4],
                Gains = [matching.Select(_ => (long)random.Next(-20, 30)).ToArray(), matching.Select(_ => (long)random.Next(-10, 50)).ToArray()],
            });
        }
        return problem;
    }

    /// <summary>Every multiset of patterns that fits, then every unit choice of the quantity discount: the true optimum.</summary>
    private static long Exhaustive(SearchProblem problem)
    {
        var patterns = problem.Patterns.Where(p => p.Gain > 0).ToArray();
        return Go(0, (int[])problem.Counts.Clone());

        long Go(int from, int[] counts)
        {
            var best = QuantityBest(counts);
            for (var k = from; k < patterns.Length; k++)
            {
                var p = patterns[k];
                if (p.Lines.Select((line, i) => counts[line] >= p.Counts[i]).All(ok => ok))
                {
                    var next = (int[])counts.Clone();
                    for (var i = 0; i < p.Lines.Length; i++)
                        next[p.Lines[i]] -= p.Counts[i];
                    best = Math.Max(best, p.Gain + Go(k, next));
                }
            }
            return best;
        }

        long QuantityBest(int[] counts)
        {
            if (problem.Quantities.Count == 0)
                return 0;
            var option = problem.Quantities[0];
            long best = 0;
            foreach (var take in Choices(option.Lines.Select(line => counts[line]).ToArray(), 0))
            {
                var units = take.Sum();
                var tier = Array.FindLastIndex(option.MinQuantities, min => min <= units);
                if (tier >= 0)
                    best = Math.Max(best, take.Select((n, k) => n * option.Gains[tier][k]).Sum());
            }
            return best;
        }

        static IEnumerable<int[]> Choices(int[] available, int k)
        {
            if (k == available.Length)
            {
                yield return new int[available.Length];
                yield break;
            }
            foreach (var rest in Choices(available, k + 1))
                for (var n = 0; n <= available[k]; n++)
                {
                    var choice = (int[])rest.Clone();
                    choice[k] = n;
                    yield return choice;
                }
        }
    }
}
