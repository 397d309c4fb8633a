using OmniChannel.Pricing.Engine.Model;

namespace OmniChannel.Pricing.Engine;

/// <summary>
/// Threshold discounts ("spend at least X"), after every line discount, on what the eligible lines cost by then.
/// At most one non-compound threshold applies: the exclusive one giving the most if any qualifies (it counts and
/// discounts only lines without another system discount, and keeps every other threshold off them), otherwise the
/// best-price one giving the most. Then every qualifying compound threshold applies in priority order, each on what
/// is left. No threshold touches a line that holds an exclusive line discount.
/// </summary>
internal sealed partial class CartCalculation
{
    private void ApplyThresholdDiscounts(List<CompiledDiscount> thresholds)
    {
        if (thresholds.Count == 0)
            return;
        var hadLineDiscount = lines.Select(l => l.HasSystemDiscount).ToArray();
        var closed = new bool[lines.Length];

        foreach (var mode in new[] { ConcurrencyMode.Exclusive, ConcurrencyMode.BestPrice })
        {
            (CompiledDiscount? Discount, LineWork[] Lines, decimal Amount) best = (null, [], 0);
            foreach (var d in thresholds)
            {
                if (d.Mode != mode)
                    continue;
                var eligible = ThresholdLines(d, closed, mode == ConcurrencyMode.Exclusive ? hadLineDiscount : null);
                var amount = ThresholdAmount(d, eligible);
                if (amount > best.Amount)
                    best = (d, eligible, amount);
            }
            if (best.Discount is null)
                continue;
            AllocateOverNets(Template(best.Discount), best.Lines, best.Amount);
            if (mode == ConcurrencyMode.Exclusive)
                foreach (var line in best.Lines)
                    closed[line.Index] = true;
            break;
        }

        foreach (var d in thresholds)
        {
            if (d.Mode != ConcurrencyMode.Compound)
                continue;
            var eligible = ThresholdLines(d, closed, hadLineDiscount: null);
            var amount = ThresholdAmount(d, eligible);
            if (amount > 0)
                AllocateOverNets(Template(d), eligible, amount);
        }
    }

    private LineWork[] ThresholdLines(CompiledDiscount d, bool[] closed, bool[]? hadLineDiscount)
    {
        var candidates = LinesOf(d);
        var eligible = 0;
        foreach (var l in candidates)
            if (IsEligible(l))
                eligible++;
        var result = new LineWork[eligible];
        var i = 0;
        foreach (var l in candidates)
            if (IsEligible(l))
                result[i++] = l;
        return result;

        bool IsEligible(LineWork l) =>
            l.ExclusiveUnits == 0 && !closed[l.Index] && (hadLineDiscount is null || !hadLineDiscount[l.Index]) && l.Net > 0;
    }

    /// <summary>The highest tier reached by what the lines cost now: its percent of that, or its amount (never more).</summary>
    private decimal ThresholdAmount(CompiledDiscount d, LineWork[] eligible)
    {
        decimal spent = 0;
        foreach (var line in eligible)
            spent += line.Net;
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

    /// <summary>Spreads a rounded amount over lines in proportion to what they cost now, in whole currency units.</summary>
    private void AllocateOverNets(LineAmount template, LineWork[] targets, decimal amount)
    {
        var shares = currency.Allocate(amount, targets.Select(l => l.Net).ToArray());
        for (var i = 0; i < targets.Length; i++)
            targets[i].Add(template, shares[i]);
    }
}
