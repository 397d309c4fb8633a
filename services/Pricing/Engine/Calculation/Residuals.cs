using OmniChannel.Pricing.Engine.Model;

namespace OmniChannel.Pricing.Engine.Calculation;

/// <summary>What each open unit of a line gets without a quantity or mix-and-match discount: its best single simple
/// discount, or (outside the exclusive pass) the stack of compound simple discounts when that is larger.</summary>
internal readonly struct Residual(decimal perUnit, CompiledDiscount? single, (CompiledDiscount Discount, decimal PerUnit)[]? stack)
{
    public decimal PerUnit { get; } = perUnit;
    public CompiledDiscount? Single { get; } = single;
    public (CompiledDiscount Discount, decimal PerUnit)[]? Stack { get; } = stack;

    public static Residual Of(LinePrice line, CompiledDiscount[] own, int priority, bool exclusivePass)
    {
        decimal best = 0;
        CompiledDiscount? single = null;
        var price = line.UnitPrice;
        foreach (var d in own)
        {
            if (d.Priority != priority || d.Type != DiscountType.Simple || !Values.InPass(d, exclusivePass) || d.Mode == ConcurrencyMode.Compound)
                continue;
            var value = Values.Offer(d.Definition.Offer!, price);
            if (value > best)
                (best, single) = (value, d);
        }
        if (exclusivePass)
            return new Residual(best, single, null);

        // Compound simple discounts stack: percentages first, then amounts, then fixed prices, each on what is left.
        List<(CompiledDiscount, decimal)>? stack = null;
        var left = price;
        for (var phase = 0; phase < 3; phase++)
            foreach (var d in own)
            {
                if (d.Priority != priority || d.Type != DiscountType.Simple || d.Mode != ConcurrencyMode.Compound)
                    continue;
                var offer = d.Definition.Offer!;
                if (phase != (offer.PercentOff is not null ? 0 : offer.AmountOff is not null ? 1 : 2))
                    continue;
                var value = Values.Offer(offer, left);
                if (value <= 0)
                    continue;
                (stack ??= []).Add((d, value));
                left -= value;
            }
        return stack is not null && price - left > best ? new Residual(price - left, null, [.. stack]) : new Residual(best, single, null);
    }
}

/// <summary>What an offer or a tier is worth on one unit, and the search's fixed-point money.</summary>
internal static class Values
{
    private const decimal Micro = 1_000_000m;

    public static bool InPass(CompiledDiscount d, bool exclusivePass) => exclusivePass == (d.Mode == ConcurrencyMode.Exclusive);

    public static decimal Offer(Offer offer, decimal price) =>
        offer.PercentOff is { } percent ? price * percent / 100m
        : offer.AmountOff is { } amount ? Math.Min(amount, price)
        : Math.Max(0, price - offer.Price!.Value);

    public static decimal Tier(QuantityTier tier, decimal price) =>
        tier.PercentOff is { } percent ? price * percent / 100m
        : tier.AmountOff is { } amount ? Math.Min(amount, price)
        : Math.Max(0, price - tier.UnitPrice!.Value);

    public static long ToMicros(decimal value) => decimal.ToInt64(decimal.Round(value * Micro));
}
