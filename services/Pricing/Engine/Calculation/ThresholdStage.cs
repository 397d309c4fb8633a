using OmniChannel.Pricing.Engine.Model;

namespace OmniChannel.Pricing.Engine.Calculation;

/// <summary>
/// Threshold discounts ("spend at least X"), after every line discount, on what the eligible lines cost by then.
/// At most one non-compound threshold applies: the exclusive one giving the most if any qualifies (it counts and
/// discounts only lines without another system discount, and keeps every other threshold off them), otherwise the
/// best-price one giving the most. Then every qualifying compound threshold applies in priority order, each on what
/// is left. No threshold touches a line that holds an exclusive line discount.
/// </summary>
internal static class ThresholdStage
{
    public static Tallies Apply(StageInputs inputs, Tallies tallies)
    {
        var thresholds = inputs.Candidates.Thresholds;
        if (thresholds.Count == 0)
            return tallies;
        var hadLineDiscount = new bool[tallies.Length];
        for (var i = 0; i < hadLineDiscount.Length; i++)
            hadLineDiscount[i] = tallies[i].HasSystemDiscount;
        var closed = new bool[tallies.Length];

        foreach (var mode in new[] { ConcurrencyMode.Exclusive, ConcurrencyMode.BestPrice })
        {
            (CompiledDiscount? Discount, LinePrice[] Lines, decimal Amount) best = (null, [], 0);
            foreach (var d in thresholds)
            {
                if (d.Mode != mode)
                    continue;
                var eligible = Eligible(inputs, tallies, d, closed, mode == ConcurrencyMode.Exclusive ? hadLineDiscount : null);
                var amount = Amount(inputs.Currency, tallies, d, eligible);
                if (amount > best.Amount)
                    best = (d, eligible, amount);
            }
            if (best.Discount is null)
                continue;
            tallies = tallies.SplitOverNets(inputs.Candidates.Shown(best.Discount), best.Lines, best.Amount, inputs.Currency);
            if (mode == ConcurrencyMode.Exclusive)
                foreach (var line in best.Lines)
                    closed[line.Index] = true;
            break;
        }

        foreach (var d in thresholds)
        {
            if (d.Mode != ConcurrencyMode.Compound)
                continue;
            var eligible = Eligible(inputs, tallies, d, closed, hadLineDiscount: null);
            var amount = Amount(inputs.Currency, tallies, d, eligible);
            if (amount > 0)
                tallies = tallies.SplitOverNets(inputs.Candidates.Shown(d), eligible, amount, inputs.Currency);
        }
        return tallies;
    }

    private static LinePrice[] Eligible(StageInputs inputs, Tallies tallies, CompiledDiscount d, bool[] closed, bool[]? hadLineDiscount)
    {
        var candidates = inputs.Candidates.LinesOf(d);
        var count = 0;
        foreach (var l in candidates)
            if (IsEligible(l))
                count++;
        var result = new LinePrice[count];
        var i = 0;
        foreach (var l in candidates)
            if (IsEligible(l))
                result[i++] = l;
        return result;

        bool IsEligible(LinePrice l) =>
            tallies[l.Index].ExclusiveUnits == 0 && !closed[l.Index] && (hadLineDiscount is null || !hadLineDiscount[l.Index])
            && tallies.Net(l) > 0;
    }

    /// <summary>The highest tier reached by what the lines cost now: its percent of that, or its amount (never more).</summary>
    private static decimal Amount(CurrencyRule currency, Tallies tallies, CompiledDiscount d, LinePrice[] eligible)
    {
        decimal spent = 0;
        foreach (var line in eligible)
            spent += tallies.Net(line);
        ThresholdTier? tier = null;
        foreach (var candidate in d.Definition.ThresholdTiers)
            if (candidate.MinAmount <= spent)
                tier = candidate;
        if (tier is null)
            return 0;
        return tier.PercentOff is { } percent
            ? currency.Round(spent * percent / 100m)
            : Math.Min(tier.AmountOff!.Value, currency.Round(spent));
    }
}
