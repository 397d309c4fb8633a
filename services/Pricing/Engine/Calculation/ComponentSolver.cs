using OmniChannel.Pricing.Engine.Model;

namespace OmniChannel.Pricing.Engine.Calculation;

/// <summary>
/// One connected component of a pass. Lines of the same product at the same price are interchangeable units: the
/// search works on such unit classes (fewer, larger counts, far fewer deal patterns), and its answer is dealt back to
/// the lines in cart order.
/// </summary>
internal sealed record ComponentAnswer(IReadOnlyList<Grant> Grants, IReadOnlyList<Taken> Taken, bool Exact);

internal static class ComponentSolver
{
    /// <summary>Solves the component and deals its answer back to its lines: the amounts in the order they apply, and
    /// the units each deal or tier took.</summary>
    public static ComponentAnswer Solve(StageInputs inputs, Tallies tallies, LinePrice[] local, List<CompiledDiscount> discounts,
        Residual[] residuals)
    {
        // Dealing the answer back takes units line by line, deal after deal: a local buffer of open units.
        var open = new int[tallies.Length];
        foreach (var line in local)
            open[line.Index] = tallies[line.Index].Open;
        var classes = UnitClasses(local);
        var representatives = classes.Select(c => c[0]).ToArray();
        var counts = classes.Select(c => c.Sum(l => open[l.Index])).ToArray();
        var residual = representatives.Select(l => Values.ToMicros(residuals[l.Index].PerUnit)).ToArray();
        var prices = representatives.Select(l => l.UnitPrice).ToArray();
        var problem = new SearchProblem { Counts = counts };
        for (var owner = 0; owner < discounts.Count; owner++)
        {
            var d = discounts[owner];
            if (d.Type == DiscountType.MixAndMatch)
            {
                var (patterns, truncated) = DealPatterns.Of(d, owner, representatives, counts, prices, residual,
                    inputs.Limits.MaxPatternsPerDiscount);
                problem.Patterns.AddRange(patterns);
                problem.Truncated |= truncated;
            }
            else if (QuantityOptionOf(d, owner, representatives, residual) is { } option)
                problem.Quantities.Add(option);
        }

        var result = BestPriceSearch.Solve(problem, inputs.Limits);
        var grants = new List<Grant>();
        var taken = new List<Taken>();
        foreach (var pattern in result.Deals)
        {
            var d = discounts[pattern.Owner];
            var parts = pattern.Lines.SelectMany((k, i) => Take(classes[k], pattern.Counts[i], open)).ToArray();
            taken.AddRange(parts);
            grants.AddRange(Deals.Split(d, inputs.Candidates.Shown(d), parts, inputs.Currency));
        }
        foreach (var pick in result.Quantities)
        {
            var d = discounts[pick.Option.Owner];
            var tier = d.Definition.QuantityTiers[pick.Tier];
            for (var k = 0; k < pick.Option.Lines.Length; k++)
                foreach (var part in Take(classes[pick.Option.Lines[k]], pick.Units[k], open))
                {
                    taken.Add(part);
                    grants.Add(new Grant(part.Line, inputs.Candidates.Shown(d), Values.Tier(tier, part.Price) * part.Units));
                }
        }
        return new ComponentAnswer(grants, taken, result.Exact);
    }

    private static LinePrice[][] UnitClasses(LinePrice[] local)
    {
        var classes = new List<List<LinePrice>>();
        foreach (var line in local)
        {
            var unitClass = classes.Find(c => c[0].Product.Sku == line.Product.Sku && c[0].UnitPrice == line.UnitPrice);
            if (unitClass is null)
                classes.Add([line]);
            else
                unitClass.Add(line);
        }
        return classes.Select(c => c.ToArray()).ToArray();
    }

    /// <summary>Takes units of a class from its lines in cart order.</summary>
    private static List<Taken> Take(LinePrice[] unitClass, int units, int[] open)
    {
        var taken = new List<Taken>();
        foreach (var line in unitClass)
        {
            if (units == 0)
                break;
            var n = Math.Min(units, open[line.Index]);
            if (n == 0)
                continue;
            open[line.Index] -= n;
            taken.Add(new Taken(line.Index, n, line.UnitPrice));
            units -= n;
        }
        return taken;
    }

    /// <summary>A quantity discount for the search, or null when no unit would gain from it at any tier.</summary>
    private static QuantityOption? QuantityOptionOf(CompiledDiscount d, int owner, LinePrice[] local, long[] residual)
    {
        var matching = new List<int>(local.Length);
        for (var k = 0; k < local.Length; k++)
            if (d.Skus.Contains(local[k].Product.Sku))
                matching.Add(k);
        var tiers = d.Definition.QuantityTiers;
        var gains = new long[tiers.Count][];
        var useful = false;
        for (var t = 0; t < tiers.Count; t++)
        {
            gains[t] = new long[matching.Count];
            for (var i = 0; i < matching.Count; i++)
            {
                var k = matching[i];
                gains[t][i] = Values.ToMicros(Values.Tier(tiers[t], local[k].UnitPrice)) - residual[k];
                useful |= gains[t][i] > 0;
            }
        }
        if (!useful)
            return null;
        var minimums = new int[tiers.Count];
        for (var t = 0; t < tiers.Count; t++)
            minimums[t] = tiers[t].MinQuantity;
        return new QuantityOption { Owner = owner, Lines = [.. matching], MinQuantities = minimums, Gains = gains };
    }
}
