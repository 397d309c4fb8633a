using OmniChannel.Pricing.Engine.Model;

namespace OmniChannel.Pricing.Engine.Calculation;

/// <summary>The answer: each line's discounts rounded once per discount, every total the sum of the lines.</summary>
internal static class PricedCartBuilder
{
    public static PricedCart Build(CartContext context, LinePrice[] lines, Tallies tallies, bool exact)
    {
        var currency = context.Currency;
        var priced = new PricedLine[lines.Length];
        decimal gross = 0, discount = 0, net = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            priced[i] = Line(currency, lines[i], tallies[i]);
            gross += priced[i].GrossAmount;
            discount += priced[i].DiscountAmount;
            net += priced[i].NetAmount;
        }
        var applied = new List<string>();
        var unused = new List<string>();
        foreach (var coupon in context.Coupons)
            (priced.Any(l => !l.Locked && l.Discounts.Any(d => d.CouponCode == coupon.Code)) ? applied : unused).Add(coupon.Code);
        return new PricedCart(context.Store.Id, context.Cart.CustomerId, context.Store.Currency, priced, gross, discount, net,
            applied, unused, context.Cart.SystemDiscountsRemoved, exact);
    }

    private static PricedLine Line(CurrencyRule currency, LinePrice line, LineTally tally)
    {
        var gross = currency.Round(line.UnitPrice * line.Quantity);
        List<AppliedDiscount> discounts;
        if (line.Line.PriceLock is { } priceLock)
            discounts = LockedDiscounts(currency, priceLock, line.Quantity);
        else
        {
            var amounts = tally.Amounts();
            discounts = new List<AppliedDiscount>(amounts.Count);
            foreach (var (a, amount) in amounts)
                if (currency.Round(amount) is var rounded && rounded != 0)
                    discounts.Add(new AppliedDiscount(a.Id, a.Name, rounded, a.Type, a.Mode, a.Priority, a.CouponCode, a.Percent));
        }
        discounts = WithinGross(discounts, gross);
        var discountAmount = discounts.Sum(d => d.Amount);
        var ownLock = line.Line.PriceLock ?? new PriceLock(currency.Round(line.UnitPrice), line.Source, discounts, line.Quantity);
        var sign = line.IsReturn ? -1 : 1;
        if (line.IsReturn)
            discounts = discounts.Select(d => d with { Amount = -d.Amount }).ToList();
        return new PricedLine(line.Line.LineId, line.Line.Sku, line.Quantity, line.IsReturn, currency.Round(line.UnitPrice), line.Source,
            sign * gross, sign * discountAmount, discounts, sign * (gross - discountAmount), line.Locked, ownLock);
    }

    /// <summary>A locked line keeps its discounts; when its quantity changed since it was locked, they scale with it.</summary>
    private static List<AppliedDiscount> LockedDiscounts(CurrencyRule currency, PriceLock priceLock, int quantity) =>
        (priceLock.Discounts ?? []).Select(d => quantity == priceLock.Quantity
                ? d
                : d with { Amount = currency.Round(d.Amount * quantity / priceLock.Quantity) })
            .ToList();

    /// <summary>Rounding each discount can overshoot the line by a unit: the last discounts give it back.</summary>
    private static List<AppliedDiscount> WithinGross(List<AppliedDiscount> discounts, decimal gross)
    {
        var excess = discounts.Sum(d => d.Amount) - gross;
        for (var i = discounts.Count - 1; i >= 0 && excess > 0; i--)
        {
            var cut = Math.Min(excess, discounts[i].Amount);
            discounts[i] = discounts[i] with { Amount = discounts[i].Amount - cut };
            excess -= cut;
        }
        return discounts;
    }
}
