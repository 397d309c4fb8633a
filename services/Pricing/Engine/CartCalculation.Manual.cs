using OmniChannel.Pricing.Engine.Model;

namespace OmniChannel.Pricing.Engine;

/// <summary>
/// Manual discounts, after every system discount (they stay when system discounts are removed, PRC-9): a line
/// discount on what the line costs by then (PRC-5/6), then a total discount over the unlocked discountable sale lines,
/// spread in proportion to what they cost (PRC-7/8). Caps and the other rules were checked by
/// <see cref="CartValidation"/>; here only "more than there is to discount" can still refuse.
/// </summary>
internal sealed partial class CartCalculation
{
    private static readonly object ManualLineKey = new();
    private static readonly object ManualTotalKey = new();

    private Refusal? ApplyManualDiscounts()
    {
        foreach (var line in lines)
        {
            if (line.Line.LineDiscount is not { } discount || line.Locked)
                continue;
            var net = line.Net;
            var template = new LineAmount(ManualLineKey, AppliedDiscount.ManualLineId, "Manual line discount",
                AppliedDiscountType.ManualLine, ConcurrencyMode.Compound, 0, null, discount.Percent);
            if (discount.Percent is { } percent)
                line.Add(template, net * percent / 100m);
            else if (discount.Amount > currency.Round(net))
                return Refusal.Invalid("line_discount.exceeds_line",
                    $"A line discount of {discount.Amount} is more than line '{line.Line.LineId}' costs ({currency.Round(net)}).");
            else
                line.Add(template, discount.Amount!.Value);
        }

        if (context.Cart.TotalDiscount is not { } total)
            return null;
        var eligible = lines.Where(l => !l.Locked && !l.IsReturn && l.Product.Discountable && l.Net > 0).ToArray();
        var totalTemplate = new LineAmount(ManualTotalKey, AppliedDiscount.ManualTotalId, "Manual total discount",
            AppliedDiscountType.ManualTotal, ConcurrencyMode.Compound, 0, null, total.Percent);
        if (total.Percent is { } totalPercent)
        {
            foreach (var line in eligible)
                line.Add(totalTemplate, line.Net * totalPercent / 100m);
            return null;
        }
        var available = currency.Round(eligible.Sum(l => l.Net));
        if (total.Amount > available)
            return Refusal.Invalid("total_discount.exceeds_total",
                $"A total discount of {total.Amount} is more than the discountable lines cost ({available}).");
        AllocateOverNets(totalTemplate, eligible, total.Amount!.Value);
        return null;
    }
}
