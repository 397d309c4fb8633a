using OmniChannel.Pricing.Engine.Model;

namespace OmniChannel.Pricing.Engine;

/// <summary>
/// Simple, quantity and mix-and-match discounts, one priority at a time (highest first). Within a priority the
/// exclusive discounts are decided first, on the open units; then the best-price and compound discounts on what is
/// left. Either pass picks the combination with the largest total discount: every open unit gets its best
/// "residual" (the best single simple discount, or in the second pass the stack of compound simple discounts when that
/// is larger) unless a quantity or mix-and-match discount takes it for more; <see cref="BestPriceSearch"/> decides which.
/// Units discounted at a priority are closed to every lower priority.
/// </summary>
internal sealed partial class CartCalculation
{
    private const decimal Micro = 1_000_000m;

    private List<CompiledDiscount>[] lineCandidates = [];

    private readonly struct Residual(decimal perUnit, CompiledDiscount? single, List<(CompiledDiscount Discount, decimal PerUnit)>? stack)
    {
        public decimal PerUnit { get; } = perUnit;
        public CompiledDiscount? Single { get; } = single;
        public List<(CompiledDiscount Discount, decimal PerUnit)>? Stack { get; } = stack;
    }

    private void ApplyLineDiscounts(List<CompiledDiscount> discounts)
    {
        lineCandidates = new List<CompiledDiscount>[lines.Length];
        foreach (var line in lines)
        {
            var own = lineCandidates[line.Index] = [];
            if (!line.Eligible)
                continue;
            foreach (var index in book.DiscountsFor(line.Product.Sku)) // highest priority first
                if (candidateState[index] == 1 && book.Discounts[index].Type != DiscountType.Threshold)
                    own.Add(book.Discounts[index]);
        }

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
                RunPass(discounts, start, end, exclusivePass: true);
            if (anyOther)
                RunPass(discounts, start, end, exclusivePass: false);
            start = end;
        }
    }

    private static bool InPass(CompiledDiscount d, bool exclusivePass) => exclusivePass == (d.Mode == ConcurrencyMode.Exclusive);

    private void RunPass(List<CompiledDiscount> discounts, int start, int end, bool exclusivePass)
    {
        var priority = discounts[start].Priority;
        var residuals = new Residual[lines.Length];
        foreach (var line in lines)
            if (line.Open > 0)
                residuals[line.Index] = ResidualOf(line, priority, exclusivePass);

        var groups = new List<CompiledDiscount>();
        var compoundGroups = new List<CompiledDiscount>();
        for (var i = start; i < end; i++)
        {
            var d = discounts[i];
            if (d.Type is not (DiscountType.Quantity or DiscountType.MixAndMatch) || !InPass(d, exclusivePass))
                continue;
            (d.Mode == ConcurrencyMode.Compound ? compoundGroups : groups).Add(d);
        }
        if (groups.Count > 0)
            SearchGroups(groups, residuals, exclusivePass);

        var compoundUnits = new int[lines.Length];
        var compoundPrice = new decimal[lines.Length];
        foreach (var line in lines)
        {
            if (line.Open == 0)
                continue;
            var residual = residuals[line.Index];
            if (residual.PerUnit <= 0)
            {
                (compoundUnits[line.Index], compoundPrice[line.Index]) = (line.Open, line.UnitPrice);
                continue;
            }
            var units = line.Open;
            if (residual.Stack is { } stack)
            {
                foreach (var (discount, perUnit) in stack)
                    line.Add(Template(discount), perUnit * units);
                (compoundUnits[line.Index], compoundPrice[line.Index]) = (units, line.UnitPrice - residual.PerUnit);
            }
            else
                line.Add(Template(residual.Single!), residual.PerUnit * units);
            line.Open = 0;
            if (exclusivePass)
                line.ExclusiveUnits += units;
        }
        if (compoundGroups.Count > 0)
            ApplyCompoundGroups(compoundGroups, compoundUnits, compoundPrice);
    }

    /// <summary>What each open unit of the line gets without a quantity or mix-and-match discount.</summary>
    private Residual ResidualOf(LineWork line, int priority, bool exclusivePass)
    {
        decimal best = 0;
        CompiledDiscount? single = null;
        List<(CompiledDiscount, decimal)>? stack = null;
        var price = line.UnitPrice;
        foreach (var d in lineCandidates[line.Index])
        {
            if (d.Priority != priority || d.Type != DiscountType.Simple || !InPass(d, exclusivePass) || d.Mode == ConcurrencyMode.Compound)
                continue;
            var value = OfferValue(d.Definition.Offer!, price);
            if (value > best)
                (best, single) = (value, d);
        }
        if (exclusivePass)
            return new Residual(best, single, null);

        // Compound simple discounts stack: percentages first, then amounts, then fixed prices, each on what is left.
        var left = price;
        for (var phase = 0; phase < 3; phase++)
            foreach (var d in lineCandidates[line.Index])
            {
                if (d.Priority != priority || d.Type != DiscountType.Simple || d.Mode != ConcurrencyMode.Compound)
                    continue;
                var offer = d.Definition.Offer!;
                if (phase != (offer.PercentOff is not null ? 0 : offer.AmountOff is not null ? 1 : 2))
                    continue;
                var value = OfferValue(offer, left);
                if (value <= 0)
                    continue;
                (stack ??= []).Add((d, value));
                left -= value;
            }
        return stack is not null && price - left > best ? new Residual(price - left, null, stack) : new Residual(best, single, null);
    }

    private static decimal OfferValue(Offer offer, decimal price) =>
        offer.PercentOff is { } percent ? price * percent / 100m
        : offer.AmountOff is { } amount ? Math.Min(amount, price)
        : Math.Max(0, price - offer.Price!.Value);

    private static decimal TierValue(QuantityTier tier, decimal price) =>
        tier.PercentOff is { } percent ? price * percent / 100m
        : tier.AmountOff is { } amount ? Math.Min(amount, price)
        : Math.Max(0, price - tier.UnitPrice!.Value);

    private static long ToMicros(decimal value) => decimal.ToInt64(decimal.Round(value * Micro));
}
