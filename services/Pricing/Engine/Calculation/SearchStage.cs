using OmniChannel.Pricing.Engine.Model;

namespace OmniChannel.Pricing.Engine.Calculation;

/// <summary>What the search gives a pass: amounts in the order they apply, units taken per line, and whether it was exact.</summary>
internal sealed record SearchOutcome(IReadOnlyList<Grant> Grants, int[] Taken, bool Exact);

/// <summary>
/// The search part of a pass: quantity and mix-and-match discounts split into connected components of lines, each
/// component turned into a <see cref="SearchProblem"/> over unit classes, solved, and its answer dealt back to the lines.
/// </summary>
internal static class SearchStage
{
    public static SearchOutcome Run(StageInputs inputs, Tallies tallies, List<CompiledDiscount> groups, Residual[] residuals)
    {
        var lines = inputs.Lines;
        var parent = new int[lines.Length];
        for (var i = 0; i < parent.Length; i++)
            parent[i] = i;
        var matched = new List<int>[groups.Count];
        for (var g = 0; g < groups.Count; g++)
        {
            var d = groups[g];
            matched[g] = [];
            foreach (var line in inputs.Candidates.LinesOf(d))
                if (tallies[line.Index].Open > 0)
                    matched[g].Add(line.Index);
            if (!Feasible(d, matched[g], lines, tallies))
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

        // Components share no line: each is solved on the units open at the start of the pass.
        var grants = new List<Grant>();
        var taken = new int[lines.Length];
        var exact = true;
        foreach (var (root, members) in components)
        {
            var local = lines.Where(l => tallies[l.Index].Open > 0 && Find(parent, l.Index) == root).ToArray();
            var answer = ComponentSolver.Solve(inputs, tallies, local, members.Select(g => groups[g]).ToList(), residuals);
            grants.AddRange(answer.Grants);
            foreach (var part in answer.Taken)
                taken[part.Line] += part.Units;
            exact &= answer.Exact;
        }
        return new SearchOutcome(grants, taken, exact);
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
            i = parent[i] = parent[parent[i]];
        return i;
    }

    private static bool Feasible(CompiledDiscount d, List<int> matched, LinePrice[] lines, Tallies tallies)
    {
        if (d.Type == DiscountType.Quantity)
            return matched.Sum(i => tallies[i].Open) >= d.Definition.QuantityTiers[0].MinQuantity;
        for (var g = 0; g < d.GroupSkus.Length; g++)
        {
            var units = 0;
            foreach (var i in matched)
                if (d.GroupSkus[g].Contains(lines[i].Product.Sku))
                    units += tallies[i].Open;
            if (units < d.GroupQuantities[g])
                return false;
        }
        return true;
    }
}
