using OmniChannel.Pricing.Engine.Model;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.Pricing.Engine.Calculation;

/// <summary>
/// Manual discounts, after every system discount (they stay when system discounts are removed, PRC-9): a line
/// discount on what the line costs by then (PRC-5/6), then a total discount over the unlocked discountable sale lines,
/// spread in proportion to what they cost (PRC-7/8). Caps and the other rules were checked by
/// <see cref="CartValidation"/>; here only "more than there is to discount" can still refuse.
/// </summary>
internal static class ManualStage
{
    private static readonly object ManualLineKey = new();
    private static readonly object ManualTotalKey = new();

    public static (Tallies Tallies, Refusal? Refusal) Apply(CartContext context, LinePrice[] lines, Tallies tallies)
    {
        var currency = context.Currency;
        var grants = new List<Grant>();
        foreach (var line in lines)
        {
            if (line.Line.LineDiscount is not { } discount || line.Locked)
                continue;
            var net = tallies.Net(line);
            var shown = new LineAmount(ManualLineKey, AppliedDiscount.ManualLineId, "Manual line discount",
                AppliedDiscountType.ManualLine, ConcurrencyMode.Compound, 0, null, discount.Percent);
            if (discount.Percent is { } percent)
                grants.Add(new Grant(line.Index, shown, net * percent / 100m));
            else if (discount.Amount > currency.Round(net))
                return (tallies, Refusal.Invalid("line_discount.exceeds_line",
                    $"A line discount of {discount.Amount} is more than line '{line.Line.LineId}' costs ({currency.Round(net)})."));
            else
                grants.Add(new Grant(line.Index, shown, discount.Amount!.Value));
        }
        tallies = tallies.Granted(grants); // a line's own discount touches only that line: one step for all of them

        if (context.Cart.TotalDiscount is not { } total)
            return (tallies, null);
        var after = tallies;
        var eligible = lines.Where(l => !l.Locked && !l.IsReturn && l.Product.Discountable && after.Net(l) > 0).ToArray();
        var totalShown = new LineAmount(ManualTotalKey, AppliedDiscount.ManualTotalId, "Manual total discount",
            AppliedDiscountType.ManualTotal, ConcurrencyMode.Compound, 0, null, total.Percent);
        if (total.Percent is { } totalPercent)
            return (tallies.Granted(eligible.Select(l => new Grant(l.Index, totalShown, after.Net(l) * totalPercent / 100m)).ToArray()), null);
        var available = currency.Round(eligible.Sum(after.Net));
        if (total.Amount > available)
            return (tallies, Refusal.Invalid("total_discount.exceeds_total",
                $"A total discount of {total.Amount} is more than the discountable lines cost ({available})."));
        return (tallies.SplitOverNets(totalShown, eligible, total.Amount!.Value, currency), null);
    }
}
