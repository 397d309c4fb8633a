using OmniChannel.Pricing.Engine.Model;

namespace OmniChannel.Pricing.Engine.Calculation;

/// <summary>
/// Compound quantity and mix-and-match discounts, after a pass: on the units whose residual was the compound stack
/// (or nothing), computed on the price after that stack; they stack with each other. Greedy: a quantity discount
/// takes every such unit, a mix-and-match discount makes its most valuable deals first.
/// </summary>
internal static class CompoundGroups
{
    /// <summary>The amounts in the order they apply, and per line the most units any of the discounts took.</summary>
    public static (IReadOnlyList<Grant> Grants, int[] Used) Apply(StageInputs inputs, List<CompiledDiscount> discounts,
        int[] units, decimal[] prices)
    {
        var grants = new List<Grant>();
        var used = new int[inputs.Lines.Length];
        foreach (var d in discounts)
        {
            var local = inputs.Candidates.LinesOf(d).Where(l => units[l.Index] > 0).ToArray();
            if (local.Length == 0)
                continue;
            var shown = inputs.Candidates.Shown(d);
            if (d.Type == DiscountType.Quantity)
            {
                var total = local.Sum(l => units[l.Index]);
                var tier = d.Definition.QuantityTiers.LastOrDefault(t => t.MinQuantity <= total);
                if (tier is null)
                    continue;
                foreach (var line in local)
                {
                    grants.Add(new Grant(line.Index, shown, Values.Tier(tier, prices[line.Index]) * units[line.Index]));
                    used[line.Index] = units[line.Index];
                }
                continue;
            }
            var counts = local.Select(l => units[l.Index]).ToArray();
            var localPrices = local.Select(l => prices[l.Index]).ToArray();
            var (patterns, _) = DealPatterns.Of(d, 0, local, counts, localPrices, new long[local.Length],
                inputs.Limits.MaxPatternsPerDiscount);
            patterns.Sort((a, b) => b.Gain.CompareTo(a.Gain));
            var left = (int[])counts.Clone();
            foreach (var pattern in patterns)
                while (pattern.Lines.Select((k, i) => left[k] >= pattern.Counts[i]).All(ok => ok))
                {
                    var parts = pattern.Lines.Select((k, i) => new Taken(local[k].Index, pattern.Counts[i], localPrices[k])).ToArray();
                    grants.AddRange(Deals.Split(d, shown, parts, inputs.Currency));
                    for (var i = 0; i < pattern.Lines.Length; i++)
                        left[pattern.Lines[i]] -= pattern.Counts[i];
                }
            for (var k = 0; k < local.Length; k++)
                used[local[k].Index] = Math.Max(used[local[k].Index], counts[k] - left[k]);
        }
        return (grants, used);
    }
}
