using OmniChannel.Pricing.Engine.Model;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.Pricing.Engine;

/// <summary>What makes a discount definition usable; the engine only ever sees valid ones.</summary>
public static class DiscountRules
{
    public const int MaxDealUnits = 12;

    public static Refusal? Validate(Discount d)
    {
        if (string.IsNullOrWhiteSpace(d.Id) || string.IsNullOrWhiteSpace(d.Name))
            return Bad("A discount needs an id and a name.");
        if (d.PriceGroups is not { Count: > 0 } || d.PriceGroups.Any(string.IsNullOrWhiteSpace))
            return Bad($"Discount '{d.Id}' needs at least one price group.");
        if (d.ValidFrom is { } from && d.ValidTo is { } to && from >= to)
            return Bad($"Discount '{d.Id}' ends before it starts.");

        return d.Type switch
        {
            DiscountType.Simple => ValidateSimple(d),
            DiscountType.Quantity => ValidateQuantity(d),
            DiscountType.MixAndMatch => ValidateMixAndMatch(d),
            DiscountType.Threshold => ValidateThreshold(d),
            _ => Bad($"Discount '{d.Id}' has an unknown type."),
        };
    }

    private static Refusal? ValidateSimple(Discount d)
    {
        if (!HasSkus(d.Skus))
            return Bad($"Simple discount '{d.Id}' needs its products (skus).");
        if (d.Offer is not { } offer || Count(offer.PercentOff, offer.AmountOff, offer.Price) != 1)
            return Bad($"Simple discount '{d.Id}' needs exactly one of percentOff, amountOff or price.");
        return CheckValue(d, offer.PercentOff, offer.AmountOff, offer.Price);
    }

    private static Refusal? ValidateQuantity(Discount d)
    {
        if (!HasSkus(d.Skus))
            return Bad($"Quantity discount '{d.Id}' needs its products (skus).");
        if (d.QuantityTiers is not { Count: > 0 })
            return Bad($"Quantity discount '{d.Id}' needs at least one tier.");
        var previous = 0;
        foreach (var tier in d.QuantityTiers)
        {
            if (tier.MinQuantity <= previous)
                return Bad($"Quantity discount '{d.Id}': tiers need growing minimum quantities of at least 1.");
            previous = tier.MinQuantity;
            if (Count(tier.PercentOff, tier.AmountOff, tier.UnitPrice) != 1)
                return Bad($"Quantity discount '{d.Id}': each tier needs exactly one of percentOff, amountOff or unitPrice.");
            if (CheckValue(d, tier.PercentOff, tier.AmountOff, tier.UnitPrice) is { } refusal)
                return refusal;
        }
        return null;
    }

    private static Refusal? ValidateMixAndMatch(Discount d)
    {
        if (d.Groups is not { Count: > 0 } || d.Groups.Any(g => !HasSkus(g.Skus) || g.Quantity < 1))
            return Bad($"Mix-and-match discount '{d.Id}' needs line groups, each with products and a quantity of at least 1.");
        var units = d.Groups.Sum(g => g.Quantity);
        if (units > MaxDealUnits)
            return Bad($"Mix-and-match discount '{d.Id}': a deal may hold at most {MaxDealUnits} units.");
        return d.Deal switch
        {
            null => Bad($"Mix-and-match discount '{d.Id}' needs a deal."),
            { Type: MixAndMatchDealType.LeastExpensiveFree, FreeItems: var free } when free < 1 || free >= units =>
                Bad($"Mix-and-match discount '{d.Id}': freeItems must be at least 1 and less than the {units} units of a deal."),
            { Type: MixAndMatchDealType.DealPrice, Value: < 0 } => Bad($"Mix-and-match discount '{d.Id}': the deal price cannot be negative."),
            { Type: MixAndMatchDealType.PercentOff, Value: <= 0 or > 100 } => Bad($"Mix-and-match discount '{d.Id}': percent must be in (0, 100]."),
            { Type: MixAndMatchDealType.AmountOff, Value: <= 0 } => Bad($"Mix-and-match discount '{d.Id}': the amount must be positive."),
            _ => null,
        };
    }

    private static Refusal? ValidateThreshold(Discount d)
    {
        if (d.ThresholdTiers is not { Count: > 0 })
            return Bad($"Threshold discount '{d.Id}' needs at least one tier.");
        var previous = 0m;
        foreach (var tier in d.ThresholdTiers)
        {
            if (tier.MinAmount <= previous)
                return Bad($"Threshold discount '{d.Id}': tiers need growing positive minimum amounts.");
            previous = tier.MinAmount;
            if (Count(tier.PercentOff, tier.AmountOff) != 1)
                return Bad($"Threshold discount '{d.Id}': each tier needs exactly one of percentOff or amountOff.");
            if (CheckValue(d, tier.PercentOff, tier.AmountOff, null) is { } refusal)
                return refusal;
        }
        return null;
    }

    private static Refusal? CheckValue(Discount d, decimal? percent, decimal? amount, decimal? price) =>
        percent is <= 0 or > 100 ? Bad($"Discount '{d.Id}': percentOff must be in (0, 100].")
        : amount is <= 0 ? Bad($"Discount '{d.Id}': amountOff must be positive.")
        : price is < 0 ? Bad($"Discount '{d.Id}': a price cannot be negative.")
        : null;

    private static bool HasSkus(IReadOnlyList<string>? skus) => skus is { Count: > 0 } && skus.All(s => !string.IsNullOrWhiteSpace(s));

    private static int Count(params decimal?[] values) => values.Count(v => v is not null);

    private static Refusal Bad(string detail) => Refusal.Invalid("discount.invalid", detail);
}
