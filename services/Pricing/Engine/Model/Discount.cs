namespace OmniChannel.Pricing.Engine.Model;

public enum DiscountType { Simple, Quantity, MixAndMatch, Threshold }

/// <summary>
/// Exclusive: nothing else on the units it takes, and it is decided before best-price and compound discounts of its
/// priority. BestPrice: one per unit, the combination giving the lowest total wins. Compound: stacks on the other
/// compound discounts of its priority. Discounts never compound across priorities.
/// </summary>
public enum ConcurrencyMode { Exclusive, BestPrice, Compound }

public enum MixAndMatchDealType { LeastExpensiveFree, DealPrice, PercentOff, AmountOff }

/// <summary>
/// A discount (periodic discount) as a merchandiser defines it. One record for every type; the members a type does
/// not use stay empty. <see cref="DiscountRules.Validate"/> says what each type needs.
/// </summary>
public sealed record Discount
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    public required DiscountType Type { get; init; }
    public ConcurrencyMode Mode { get; init; } = ConcurrencyMode.BestPrice;

    /// <summary>Higher first. Once a unit is discounted at one priority, lower priorities leave it alone.</summary>
    public int Priority { get; init; }

    /// <summary>The price groups it belongs to: a store's, a catalog's, an affiliation's or a loyalty program's.</summary>
    public IReadOnlyList<string> PriceGroups { get; init; } = [];

    public DateTimeOffset? ValidFrom { get; init; }
    public DateTimeOffset? ValidTo { get; init; }

    /// <summary>Simple, Quantity, Threshold: the products it applies to (Threshold: empty = every discountable product).</summary>
    public IReadOnlyList<string> Skus { get; init; } = [];

    /// <summary>Simple: exactly one of percent off, amount off (per unit) or a fixed unit price.</summary>
    public Offer? Offer { get; init; }

    /// <summary>Quantity (multibuy): the tier reached by the number of units the discount takes applies to each of them.</summary>
    public IReadOnlyList<QuantityTier> QuantityTiers { get; init; } = [];

    /// <summary>Mix-and-match: every group must be present with its quantity to make one deal; deals repeat.</summary>
    public IReadOnlyList<MixAndMatchGroup> Groups { get; init; } = [];

    public MixAndMatchDeal? Deal { get; init; }

    /// <summary>Threshold: spend at least MinAmount on its products (after line discounts); the highest tier reached applies.</summary>
    public IReadOnlyList<ThresholdTier> ThresholdTiers { get; init; } = [];
}

public sealed record Offer(decimal? PercentOff = null, decimal? AmountOff = null, decimal? Price = null);

public sealed record QuantityTier(int MinQuantity, decimal? PercentOff = null, decimal? AmountOff = null, decimal? UnitPrice = null);

public sealed record MixAndMatchGroup(IReadOnlyList<string> Skus, int Quantity);

/// <summary>LeastExpensiveFree: the <see cref="FreeItems"/> cheapest units of a deal are free; DealPrice: the deal costs
/// <see cref="Value"/>; PercentOff / AmountOff: <see cref="Value"/> percent or amount off the deal.</summary>
public sealed record MixAndMatchDeal(MixAndMatchDealType Type, decimal Value = 0, int FreeItems = 1);

public sealed record ThresholdTier(decimal MinAmount, decimal? PercentOff = null, decimal? AmountOff = null);
