using OmniChannel.Pricing.Engine.Model;

namespace OmniChannel.Pricing.Engine.Calculation;

/// <summary>The patterns one mix-and-match deal can take from the open units (so many units of each line).</summary>
internal static class DealPatterns
{
    /// <summary>
    /// Every distinct way to fill one deal from the units, with its gain over the units' residuals (only positive
    /// gains are kept). Truncated when the discount has more patterns than the limit: only the first ones are kept.
    /// </summary>
    public static (List<DealPattern> Patterns, bool Truncated) Of(CompiledDiscount d, int owner, LinePrice[] local,
        int[] counts, decimal[] prices, long[] residual, int maxPatterns)
    {
        var patterns = new List<DealPattern>();
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
                return (patterns, false);
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
                if (seen.Count > maxPatterns)
                    return (patterns, true);
                var value = Values.ToMicros(Deals.Value(d.Definition.Deal!, merged, prices));
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
                return (patterns, false);
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
}
