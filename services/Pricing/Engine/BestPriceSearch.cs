namespace OmniChannel.Pricing.Engine;

/// <summary>
/// How far the exact best-price search goes. A group of overlapping discounts (a component) larger than these is
/// priced by the greedy fallback, and <see cref="Model.PricedCart.BestPriceExact"/> says so. See Engine/README.md.
/// </summary>
public sealed record SearchLimits(
    int MaxUnits = 64,
    int MaxPatterns = 256,
    int MaxPatternsPerDiscount = 64,
    int MaxQuantityDiscounts = 24,
    int NodeBudget = 50_000)
{
    public static readonly SearchLimits Default = new();

    /// <summary>Never searches: every component goes to the greedy fallback (for comparisons and tests).</summary>
    public static readonly SearchLimits GreedyOnly = new(MaxUnits: 0);
}

/// <summary>One way to make one mix-and-match deal: so many units of each line. Values are in micro-units (10^-6).</summary>
internal sealed class DealPattern
{
    public required int Owner { get; init; }
    public required int[] Lines { get; init; }
    public required int[] Counts { get; init; }
    public required int Size { get; init; }

    /// <summary>The deal's value minus what its units would get anyway (their residual); only positive gains are kept.</summary>
    public required long Gain { get; init; }
}

/// <summary>A quantity discount: the tier reached by the units it takes applies to each of them.</summary>
internal sealed class QuantityOption
{
    public required int Owner { get; init; }
    public required int[] Lines { get; init; }
    public required int[] MinQuantities { get; init; }

    /// <summary>[tier][k]: per-unit gain on <see cref="Lines"/>[k] (value − residual), micro-units.</summary>
    public required long[][] Gains { get; init; }

    /// <summary>[tier]: the k of <see cref="Lines"/> from the largest gain to the smallest.</summary>
    public int[][] Order { get; private set; } = [];

    public void Prepare()
    {
        Order = new int[Gains.Length][];
        for (var tier = 0; tier < Gains.Length; tier++)
        {
            var gains = Gains[tier];
            var order = Order[tier] = new int[gains.Length];
            for (var k = 0; k < order.Length; k++)
                order[k] = k;
            Array.Sort(order, (a, b) => gains[a] != gains[b] ? gains[b].CompareTo(gains[a]) : a.CompareTo(b));
        }
    }
}

internal sealed class SearchProblem
{
    public required int[] Counts { get; init; }
    public List<DealPattern> Patterns { get; } = [];
    public List<QuantityOption> Quantities { get; } = [];

    /// <summary>Set when some discount had more deal patterns than the limit: only the first ones were kept.</summary>
    public bool Truncated { get; set; }
}

internal readonly record struct QuantityPick(QuantityOption Option, int Tier, int[] Units);

internal sealed record SearchResult(IReadOnlyList<DealPattern> Deals, IReadOnlyList<QuantityPick> Quantities, bool Exact, long Gain, int Nodes);

/// <summary>
/// Branch and bound over discount applications: which mix-and-match deals to make (each deal a pattern of units,
/// repeated as often as units allow) and which tier each quantity discount takes, maximising the total gain over
/// what every unit gets on its own. The greedy answer comes first and is the one to beat; patterns are tried densest
/// first; a branch is cut when even the optimistic per-unit bound cannot beat the best solution so far.
/// </summary>
internal sealed class BestPriceSearch
{
    private readonly DealPattern[] patterns;
    private readonly QuantityOption[] quantities;
    private readonly int[] counts;
    private readonly int m;
    private readonly long[] patternBound;
    private readonly long[] quantityBound;
    private readonly int[] stack;
    private readonly int[][] selections;
    private readonly int[] tiers;
    private readonly int budget;

    private int depth;
    private int nodes;
    private bool aborted;
    private long best;
    private int[] bestDeals = [];
    private QuantityPick[] bestQuantities = [];

    private BestPriceSearch(SearchProblem problem, int budget)
    {
        counts = (int[])problem.Counts.Clone();
        m = counts.Length;
        patterns = problem.Patterns.FindAll(p => p.Gain > 0).ToArray();
        var position = new Dictionary<DealPattern, int>(patterns.Length, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < patterns.Length; i++)
            position[patterns[i]] = i;
        Array.Sort(patterns, (a, b) => // densest first (gain per unit, compared exactly), then as given
        {
            var byDensity = (b.Gain * a.Size).CompareTo(a.Gain * b.Size);
            return byDensity != 0 ? byDensity : position[a].CompareTo(position[b]);
        });
        quantities = problem.Quantities.ToArray();
        foreach (var option in quantities)
            option.Prepare();
        this.budget = budget;
        stack = new int[counts.Sum() + 1];
        selections = new int[quantities.Length][];
        for (var q = 0; q < quantities.Length; q++)
            selections[q] = new int[quantities[q].Lines.Length];
        tiers = new int[quantities.Length];

        // Optimistic per-unit gains: no completion using patterns from k on (and any quantity discount from q on)
        // gains more on a unit of line i than these. Suffix maxima, so they only shrink as k and q grow.
        quantityBound = new long[(quantities.Length + 1) * m];
        for (var q = quantities.Length - 1; q >= 0; q--)
        {
            Array.Copy(quantityBound, (q + 1) * m, quantityBound, q * m, m);
            var option = quantities[q];
            foreach (var gains in option.Gains)
                for (var k = 0; k < option.Lines.Length; k++)
                    quantityBound[q * m + option.Lines[k]] = Math.Max(quantityBound[q * m + option.Lines[k]], gains[k]);
        }
        patternBound = new long[(patterns.Length + 1) * m];
        Array.Copy(quantityBound, 0, patternBound, patterns.Length * m, m);
        for (var k = patterns.Length - 1; k >= 0; k--)
        {
            Array.Copy(patternBound, (k + 1) * m, patternBound, k * m, m);
            var pattern = patterns[k];
            var perUnit = (pattern.Gain + pattern.Size - 1) / pattern.Size;
            foreach (var line in pattern.Lines)
                patternBound[k * m + line] = Math.Max(patternBound[k * m + line], perUnit);
        }
    }

    /// <summary>Diagnostics for the benchmark: sees every problem solved. Never set in the service.</summary>
    internal static Action<SearchProblem, SearchResult>? Observer { get; set; }

    public static SearchResult Solve(SearchProblem problem, SearchLimits limits)
    {
        var tooLarge = problem.Counts.Sum() > limits.MaxUnits || problem.Patterns.Count > limits.MaxPatterns
            || problem.Quantities.Count > limits.MaxQuantityDiscounts;
        var search = new BestPriceSearch(problem, limits.NodeBudget);
        search.Greedy(); // the fallback, and the incumbent the exact search has to beat
        if (!tooLarge)
        {
            Array.Copy(problem.Counts, search.counts, search.m);
            search.depth = 0;
            search.Patterns(0, 0);
        }
        var result = new SearchResult(search.bestDeals.Select(i => search.patterns[i]).ToArray(), search.bestQuantities,
            Exact: !tooLarge && !search.aborted && !problem.Truncated, search.best, search.nodes);
        Observer?.Invoke(problem, result);
        return result;
    }

    private void Patterns(int from, long gain)
    {
        if (++nodes > budget)
        {
            aborted = true;
            return;
        }
        if (gain + Bound(patternBound, from) <= best)
            return;
        for (var k = from; k < patterns.Length && !aborted; k++)
        {
            var pattern = patterns[k];
            if (!Fits(pattern))
                continue;
            if (gain + Bound(patternBound, k) <= best)
                break; // bounds only shrink with k: no later pattern can do better either
            Take(pattern, -1);
            stack[depth++] = k;
            Patterns(k, gain + pattern.Gain);
            depth--;
            Take(pattern, +1);
        }
        if (!aborted)
            QuantityPhase(0, gain);
    }

    private void QuantityPhase(int q, long gain)
    {
        if (q == quantities.Length)
        {
            if (gain > best)
                Record(gain);
            return;
        }
        if (gain + Bound(quantityBound, q) <= best)
            return;
        if (++nodes > budget)
        {
            aborted = true;
            return;
        }
        var option = quantities[q];
        var selection = selections[q];
        for (var tier = option.MinQuantities.Length - 1; tier >= 0 && !aborted; tier--)
        {
            var tierGain = Select(option, tier, selection);
            if (tierGain <= 0)
                continue; // no better than leaving the discount out, which also leaves the units to others
            Apply(option, selection, -1);
            tiers[q] = tier;
            QuantityPhase(q + 1, gain + tierGain);
            Apply(option, selection, +1);
        }
        tiers[q] = -1;
        if (!aborted)
            QuantityPhase(q + 1, gain);
    }

    /// <summary>
    /// The best units for a quantity discount at one tier: every unit that gains, largest gain first, up to the next
    /// tier's minimum (more would reach the next tier, tried on its own); topped up with the least bad units when
    /// that is not enough to reach this tier. Returns the gain, or long.MinValue when the tier cannot be reached.
    /// </summary>
    private long Select(QuantityOption option, int tier, int[] selection)
    {
        Array.Clear(selection);
        var min = option.MinQuantities[tier];
        var max = tier + 1 < option.MinQuantities.Length ? option.MinQuantities[tier + 1] - 1 : int.MaxValue;
        var gains = option.Gains[tier];
        long total = 0;
        var taken = 0;
        foreach (var k in option.Order[tier])
        {
            var available = counts[option.Lines[k]];
            if (available == 0)
                continue;
            var wanted = gains[k] > 0 ? max - taken : min - taken;
            if (wanted <= 0)
                break;
            var take = Math.Min(available, wanted);
            selection[k] = take;
            taken += take;
            total += take * gains[k];
        }
        return taken >= min ? total : long.MinValue;
    }

    private void Greedy()
    {
        long gain = 0;
        for (var k = 0; k < patterns.Length; k++)
            while (Fits(patterns[k]))
            {
                Take(patterns[k], -1);
                stack[depth++] = k;
                gain += patterns[k].Gain;
            }
        for (var q = 0; q < quantities.Length; q++)
        {
            tiers[q] = -1;
            long bestGain = 0;
            for (var tier = 0; tier < quantities[q].MinQuantities.Length; tier++)
            {
                var tierGain = Select(quantities[q], tier, selections[q]);
                if (tierGain > bestGain)
                    (bestGain, tiers[q]) = (tierGain, tier);
            }
            if (tiers[q] < 0)
                continue;
            Select(quantities[q], tiers[q], selections[q]);
            Apply(quantities[q], selections[q], -1);
            gain += bestGain;
        }
        Record(gain);
    }

    private void Record(long gain)
    {
        best = gain;
        bestDeals = stack[..depth];
        var picks = new List<QuantityPick>();
        for (var q = 0; q < quantities.Length; q++)
            if (tiers[q] >= 0)
                picks.Add(new QuantityPick(quantities[q], tiers[q], (int[])selections[q].Clone()));
        bestQuantities = [.. picks];
    }

    private long Bound(long[] bounds, int row)
    {
        long sum = 0;
        var offset = row * m;
        for (var i = 0; i < m; i++)
            sum += counts[i] * bounds[offset + i];
        return sum;
    }

    private bool Fits(DealPattern pattern)
    {
        for (var i = 0; i < pattern.Lines.Length; i++)
            if (counts[pattern.Lines[i]] < pattern.Counts[i])
                return false;
        return true;
    }

    private void Take(DealPattern pattern, int sign)
    {
        for (var i = 0; i < pattern.Lines.Length; i++)
            counts[pattern.Lines[i]] += sign * pattern.Counts[i];
    }

    private void Apply(QuantityOption option, int[] selection, int sign)
    {
        for (var k = 0; k < option.Lines.Length; k++)
            counts[option.Lines[k]] += sign * selection[k];
    }
}
