using OmniChannel.Pricing.Engine.Model;

namespace OmniChannel.Pricing.Engine.Calculation;

/// <summary>
/// Simple, quantity and mix-and-match discounts, one priority at a time (highest first). Within a priority the
/// exclusive discounts are decided first, on the open units; then the best-price and compound discounts on what is
/// left. Either pass picks the combination with the largest total discount: every open unit gets its best
/// <see cref="Residual"/> unless a quantity or mix-and-match discount takes it for more (<see cref="SearchStage"/>).
/// Units discounted at a priority are closed to every lower priority.
/// </summary>
internal static class LineDiscountStage
{
    public static (Tallies Tallies, bool Exact) Apply(StageInputs inputs, Tallies tallies)
    {
        var discounts = inputs.Candidates.LineDiscounts;
        var exact = true;
        for (var start = 0; start < discounts.Count;)
        {
            var priority = discounts[start].Priority;
            var end = start;
            var anyExclusive = false;
            var anyOther = false;
            for (; end < discounts.Count && discounts[end].Priority == priority; end++)
                if (discounts[end].Mode == ConcurrencyMode.Exclusive) anyExclusive = true;
                else anyOther = true;
            if (anyExclusive)
                (tallies, exact) = Pass(inputs, tallies, discounts, start, end, exclusivePass: true, exact);
            if (anyOther)
                (tallies, exact) = Pass(inputs, tallies, discounts, start, end, exclusivePass: false, exact);
            start = end;
        }
        return (tallies, exact);
    }

    /// <summary>One pass of one priority: the search, then every other open unit's residual, then compound groups.</summary>
    private static (Tallies, bool Exact) Pass(StageInputs inputs, Tallies tallies, IReadOnlyList<CompiledDiscount> discounts,
        int start, int end, bool exclusivePass, bool exact)
    {
        var lines = inputs.Lines;
        var priority = discounts[start].Priority;
        var residuals = new Residual[lines.Length];
        foreach (var line in lines)
            if (tallies[line.Index].Open > 0)
                residuals[line.Index] = Residual.Of(line, inputs.Candidates.OfLine(line.Index), priority, exclusivePass);

        var groups = new List<CompiledDiscount>();
        var compoundGroups = new List<CompiledDiscount>();
        for (var i = start; i < end; i++)
        {
            var d = discounts[i];
            if (d.Type is DiscountType.Quantity or DiscountType.MixAndMatch && Values.InPass(d, exclusivePass))
                (d.Mode == ConcurrencyMode.Compound ? compoundGroups : groups).Add(d);
        }
        if (groups.Count > 0)
        {
            var search = SearchStage.Run(inputs, tallies, groups, residuals);
            tallies = tallies.Step(search.Grants, search.Taken, exclusivePass);
            exact &= search.Exact;
        }

        var (afterResiduals, compoundUnits, compoundPrice) = ResidualsGiven(inputs, tallies, residuals, exclusivePass);
        tallies = afterResiduals;
        if (compoundGroups.Count > 0)
        {
            var compound = CompoundGroups.Apply(inputs, compoundGroups, compoundUnits, compoundPrice);
            tallies = tallies.Step(compound.Grants, Used(tallies, compound.Used), exclusivePass: false);
        }
        return (tallies, exact);
    }

    /// <summary>
    /// Every unit still open takes its residual and is closed. Units whose residual was the compound stack (or
    /// nothing) are left to the compound quantity and mix-and-match discounts, at the price after that stack.
    /// </summary>
    private static (Tallies, int[] Units, decimal[] Prices) ResidualsGiven(StageInputs inputs, Tallies tallies,
        Residual[] residuals, bool exclusivePass)
    {
        var next = tallies.ToBuilder();
        var compoundUnits = new int[next.Length];
        var compoundPrice = new decimal[next.Length];
        foreach (var line in inputs.Lines)
        {
            var i = line.Index;
            var tally = next[i];
            if (tally.Open == 0)
                continue;
            var residual = residuals[i];
            if (residual.PerUnit <= 0)
            {
                (compoundUnits[i], compoundPrice[i]) = (tally.Open, line.UnitPrice);
                continue;
            }
            var units = tally.Open;
            if (residual.Stack is { } stack)
            {
                foreach (var (discount, perUnit) in stack)
                    tally = tally.Add(inputs.Candidates.Shown(discount), perUnit * units);
                (compoundUnits[i], compoundPrice[i]) = (units, line.UnitPrice - residual.PerUnit);
            }
            else
                tally = tally.Add(inputs.Candidates.Shown(residual.Single!), residual.PerUnit * units);
            next[i] = tally.Close(units, exclusivePass);
        }
        return (new Tallies(next), compoundUnits, compoundPrice);
    }

    /// <summary>Units that had nothing before and took a compound group discount are now discounted at this priority.</summary>
    private static int[] Used(Tallies tallies, int[] used)
    {
        var closed = new int[tallies.Length];
        for (var i = 0; i < closed.Length; i++)
            closed[i] = Math.Min(tallies[i].Open, used[i]);
        return closed;
    }
}
