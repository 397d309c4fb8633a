using OmniChannel.Pricing.Engine.Model;

namespace OmniChannel.Pricing.Engine.Calculation;

/// <summary>What a mix-and-match deal is worth, and how it is split over the lines it takes.</summary>
internal static class Deals
{
    /// <summary>The exact value of one deal on so many units of each line at their prices.</summary>
    public static decimal Value(MixAndMatchDeal deal, int[] units, decimal[] prices)
    {
        decimal sum = 0;
        for (var k = 0; k < units.Length; k++)
            sum += units[k] * prices[k];
        return deal.Type switch
        {
            MixAndMatchDealType.LeastExpensiveFree => CheapestUnits(units, prices, deal.FreeItems),
            MixAndMatchDealType.DealPrice => Math.Max(0, sum - deal.Value),
            MixAndMatchDealType.PercentOff => sum * deal.Value / 100m,
            _ => Math.Min(deal.Value, sum),
        };
    }

    private static decimal CheapestUnits(int[] units, decimal[] prices, int free)
    {
        var unitPrices = new List<decimal>();
        for (var k = 0; k < units.Length; k++)
            for (var n = 0; n < units[k]; n++)
                unitPrices.Add(prices[k]);
        unitPrices.Sort();
        return unitPrices.Take(free).Sum();
    }

    /// <summary>
    /// One deal on its units, as amounts for its lines. Least-expensive-free: the cheapest units are free, each on its
    /// own line. The other deal types: the deal's discount, rounded, split over its units in proportion to their
    /// prices (in whole cents).
    /// </summary>
    public static Grant[] Split(CompiledDiscount d, LineAmount shown, IReadOnlyList<Taken> parts, CurrencyRule currency)
    {
        var deal = d.Definition.Deal!;
        var amounts = new decimal[parts.Count];
        if (deal.Type == MixAndMatchDealType.LeastExpensiveFree)
        {
            var units = parts.SelectMany((p, i) => Enumerable.Repeat((Part: i, p.Price), p.Units))
                .OrderBy(u => u.Price).ThenBy(u => u.Part).Take(deal.FreeItems);
            foreach (var (part, price) in units)
                amounts[part] += price;
        }
        else
        {
            var weights = parts.Select(p => p.Units * p.Price).ToArray();
            var sum = weights.Sum();
            var value = deal.Type switch
            {
                MixAndMatchDealType.DealPrice => Math.Max(0, sum - deal.Value),
                MixAndMatchDealType.PercentOff => sum * deal.Value / 100m,
                _ => Math.Min(deal.Value, sum),
            };
            amounts = currency.Allocate(Math.Min(currency.Round(value), sum), weights);
        }
        var grants = new Grant[parts.Count];
        for (var i = 0; i < parts.Count; i++)
            grants[i] = new Grant(parts[i].Line, shown, amounts[i]);
        return grants;
    }
}

/// <summary>Units taken from one line for a deal or a tier, at the line's price.</summary>
internal readonly record struct Taken(int Line, int Units, decimal Price);
