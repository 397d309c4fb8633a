using OmniChannel.Pricing.Engine.Model;

namespace OmniChannel.Pricing.Engine;

/// <summary>
/// Mix-and-match deals: the patterns one deal can take from the open units, a deal's value, how it is split over its
/// lines, and the compound quantity and mix-and-match discounts applied after a pass.
/// </summary>
internal sealed partial class CartCalculation
{
    /// <summary>
    /// Every distinct way to fill one deal of a mix-and-match discount from the open units (a pattern: units per
    /// line), with its gain over the units' residuals. Returns true when the list was cut at the limit.
    /// </summary>
    private bool AddPatterns(List<DealPattern> patterns, CompiledDiscount d, int owner, LineWork[] local, int[] counts,
        decimal[] prices, long[] residual)
    {
        var groupCount = d.GroupSkus.Length;
        var candidates = new int[groupCount][];
        var fillings = new List<int[]>[groupCount];
        for (var g = 0; g < groupCount; g++)
        {
            var group = d.GroupSkus[g];
            candidates[g] = Enumerable.Range(0, local.Length).Where(k => counts[k] > 0 && group.Contains(local[k].Product.Sku)).ToArray();
            fillings[g] = [];
            Fill(candidates[g], counts, d.GroupQuantities[g], 0, new int[candidates[g].Length], fillings[g]);
            if (fillings[g].Count == 0)
                return false;
        }

        var seen = new List<int[]>();
        var choice = new int[groupCount];
        while (true)
        {
            var merged = new int[local.Length];
            for (var g = 0; g < groupCount; g++)
                for (var j = 0; j < candidates[g].Length; j++)
                    merged[candidates[g][j]] += fillings[g][choice[g]][j];
            if (merged.Select((n, k) => n <= counts[k]).All(ok => ok) && !seen.Exists(s => s.AsSpan().SequenceEqual(merged)))
            {
                seen.Add(merged);
                if (seen.Count > limits.MaxPatternsPerDiscount)
                    return true;
                var value = ToMicros(DealValue(d.Definition.Deal!, merged, prices));
                var gain = value - merged.Select((n, k) => n * residual[k]).Sum();
                if (gain > 0)
                {
                    var used = Enumerable.Range(0, merged.Length).Where(k => merged[k] > 0).ToArray();
                    patterns.Add(new DealPattern
                    {
                        Owner = owner, Lines = used, Counts = used.Select(k => merged[k]).ToArray(),
                        Size = d.DealUnits, Gain = gain,
                    });
                }
            }
            var g2 = 0;
            while (g2 < groupCount && ++choice[g2] == fillings[g2].Count)
                choice[g2++] = 0;
            if (g2 == groupCount)
                return false;
        }
    }

    /// <summary>Every way to take <paramref name="needed"/> units from the candidate lines (multisets).</summary>
    private static void Fill(int[] candidates, int[] counts, int needed, int from, int[] current, List<int[]> into)
    {
        if (needed == 0)
        {
            into.Add((int[])current.Clone());
            return;
        }
        if (from == candidates.Length)
            return;
        for (var take = Math.Min(needed, counts[candidates[from]]); take >= 0; take--)
        {
            current[from] = take;
            Fill(candidates, counts, needed - take, from + 1, current, into);
        }
        current[from] = 0;
    }

    private static decimal DealValue(MixAndMatchDeal deal, int[] units, decimal[] prices)
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
    /// One deal on its units. Least-expensive-free: the cheapest units are free, each on its own line. The other deal
    /// types: the deal's discount, rounded, split over its units in proportion to their prices (in whole cents).
    /// </summary>
    private void ApplyDeal(CompiledDiscount d, (LineWork Line, int Units, decimal Price)[] parts)
    {
        var deal = d.Definition.Deal!;
        var amounts = new decimal[parts.Length];
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
        for (var i = 0; i < parts.Length; i++)
            parts[i].Line.Add(Template(d), amounts[i]);
    }

    /// <summary>
    /// Compound quantity and mix-and-match discounts, after the pass: on the units whose residual was the compound
    /// stack (or nothing), computed on the price after that stack; they stack with each other. Greedy: a quantity
    /// discount takes every such unit, a mix-and-match discount makes its most valuable deals first.
    /// </summary>
    private void ApplyCompoundGroups(List<CompiledDiscount> discounts, int[] units, decimal[] prices)
    {
        var used = new int[lines.Length];
        foreach (var d in discounts)
        {
            var local = LinesOf(d).Where(l => units[l.Index] > 0).ToArray();
            if (local.Length == 0)
                continue;
            if (d.Type == DiscountType.Quantity)
            {
                var total = local.Sum(l => units[l.Index]);
                var tier = d.Definition.QuantityTiers.LastOrDefault(t => t.MinQuantity <= total);
                if (tier is null)
                    continue;
                foreach (var line in local)
                {
                    line.Add(Template(d), TierValue(tier, prices[line.Index]) * units[line.Index]);
                    used[line.Index] = units[line.Index];
                }
                continue;
            }
            var counts = local.Select(l => units[l.Index]).ToArray();
            var localPrices = local.Select(l => prices[l.Index]).ToArray();
            var patterns = new List<DealPattern>();
            AddPatterns(patterns, d, 0, local, counts, localPrices, new long[local.Length]);
            patterns.Sort((a, b) => b.Gain.CompareTo(a.Gain));
            var left = (int[])counts.Clone();
            foreach (var pattern in patterns)
                while (pattern.Lines.Select((k, i) => left[k] >= pattern.Counts[i]).All(ok => ok))
                {
                    var parts = pattern.Lines.Select((k, i) => (local[k], pattern.Counts[i], localPrices[k])).ToArray();
                    ApplyDeal(d, parts);
                    for (var i = 0; i < pattern.Lines.Length; i++)
                        left[pattern.Lines[i]] -= pattern.Counts[i];
                }
            for (var k = 0; k < local.Length; k++)
                used[local[k].Index] = Math.Max(used[local[k].Index], counts[k] - left[k]);
        }
        // Units that had nothing before and took a compound group discount are now discounted at this priority.
        foreach (var line in lines)
            if (line.Open > 0 && used[line.Index] > 0)
                line.Open -= Math.Min(line.Open, used[line.Index]);
    }
}
