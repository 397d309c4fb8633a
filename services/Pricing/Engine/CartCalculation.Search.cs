using OmniChannel.Pricing.Engine.Model;

namespace OmniChannel.Pricing.Engine;

/// <summary>
/// The search part of a pass: quantity and mix-and-match discounts split into connected components of lines, each
/// component turned into a <see cref="SearchProblem"/> over unit classes, solved, and its answer dealt back to the lines.
/// </summary>
internal sealed partial class CartCalculation
{
    /// <summary>Quantity and mix-and-match discounts of one pass: connected groups of lines are searched separately.</summary>
    private void SearchGroups(List<CompiledDiscount> groups, Residual[] residuals, bool exclusivePass)
    {
        var parent = new int[lines.Length];
        for (var i = 0; i < parent.Length; i++)
            parent[i] = i;
        var matched = new List<int>[groups.Count];
        for (var g = 0; g < groups.Count; g++)
        {
            var d = groups[g];
            matched[g] = [];
            foreach (var line in LinesOf(d))
                if (line.Open > 0)
                    matched[g].Add(line.Index);
            if (!Feasible(d, matched[g]))
            {
                matched[g].Clear();
                continue;
            }
            for (var i = 1; i < matched[g].Count; i++)
                parent[Find(parent, matched[g][i])] = Find(parent, matched[g][0]);
        }

        var components = new Dictionary<int, List<int>>();
        for (var g = 0; g < groups.Count; g++)
            if (matched[g].Count > 0)
            {
                var root = Find(parent, matched[g][0]);
                if (!components.TryGetValue(root, out var members))
                    components[root] = members = [];
                members.Add(g);
            }
        foreach (var (root, members) in components)
        {
            var local = lines.Where(l => l.Open > 0 && Find(parent, l.Index) == root).ToArray();
            SolveComponent(local, members.Select(g => groups[g]).ToList(), residuals, exclusivePass);
        }
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
            i = parent[i] = parent[parent[i]];
        return i;
    }

    private bool Feasible(CompiledDiscount d, List<int> matched)
    {
        if (d.Type == DiscountType.Quantity)
            return matched.Sum(i => lines[i].Open) >= d.Definition.QuantityTiers[0].MinQuantity;
        for (var g = 0; g < d.GroupSkus.Length; g++)
        {
            var units = 0;
            foreach (var i in matched)
                if (d.GroupSkus[g].Contains(lines[i].Product.Sku))
                    units += lines[i].Open;
            if (units < d.GroupQuantities[g])
                return false;
        }
        return true;
    }

    /// <summary>
    /// Lines of the same product at the same price are interchangeable units: the search works on such unit classes
    /// (fewer, larger counts, far fewer deal patterns), and its answer is dealt back to the lines in cart order.
    /// </summary>
    private void SolveComponent(LineWork[] local, List<CompiledDiscount> discounts, Residual[] residuals, bool exclusivePass)
    {
        var classes = UnitClasses(local);
        var representatives = classes.Select(c => c[0]).ToArray();
        var counts = classes.Select(c => c.Sum(l => l.Open)).ToArray();
        var residual = representatives.Select(l => ToMicros(residuals[l.Index].PerUnit)).ToArray();
        var prices = representatives.Select(l => l.UnitPrice).ToArray();
        var problem = new SearchProblem { Counts = counts };
        for (var owner = 0; owner < discounts.Count; owner++)
        {
            var d = discounts[owner];
            if (d.Type == DiscountType.MixAndMatch)
                problem.Truncated |= AddPatterns(problem.Patterns, d, owner, representatives, counts, prices, residual);
            else if (QuantityOptionOf(d, owner, representatives, residual) is { } option)
                problem.Quantities.Add(option);
        }

        var result = BestPriceSearch.Solve(problem, limits);
        exact &= result.Exact;
        foreach (var pattern in result.Deals)
            ApplyDeal(discounts[pattern.Owner], pattern.Lines.SelectMany((k, i) => Take(classes[k], pattern.Counts[i], exclusivePass)).ToArray());
        foreach (var pick in result.Quantities)
        {
            var d = discounts[pick.Option.Owner];
            var tier = d.Definition.QuantityTiers[pick.Tier];
            for (var k = 0; k < pick.Option.Lines.Length; k++)
                foreach (var (line, units, price) in Take(classes[pick.Option.Lines[k]], pick.Units[k], exclusivePass))
                    line.Add(Template(d), TierValue(tier, price) * units);
        }
    }

    private static LineWork[][] UnitClasses(LineWork[] local)
    {
        var classes = new List<List<LineWork>>();
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

    /// <summary>Takes units of a class from its lines in cart order, closing them to the rest of this priority and below.</summary>
    private static List<(LineWork Line, int Units, decimal Price)> Take(LineWork[] unitClass, int units, bool exclusivePass)
    {
        var taken = new List<(LineWork, int, decimal)>();
        foreach (var line in unitClass)
        {
            if (units == 0)
                break;
            var n = Math.Min(units, line.Open);
            if (n == 0)
                continue;
            Close(line, n, exclusivePass);
            taken.Add((line, n, line.UnitPrice));
            units -= n;
        }
        return taken;
    }

    private static void Close(LineWork line, int units, bool exclusivePass)
    {
        line.Open -= units;
        if (exclusivePass)
            line.ExclusiveUnits += units;
    }

    /// <summary>A quantity discount for the search, or null when no unit would gain from it at any tier.</summary>
    private static QuantityOption? QuantityOptionOf(CompiledDiscount d, int owner, LineWork[] local, long[] residual)
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
                gains[t][i] = ToMicros(TierValue(tiers[t], local[k].UnitPrice)) - residual[k];
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
