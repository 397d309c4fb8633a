namespace OmniChannel.Pricing.Engine.Model;

/// <summary>What the engine needs of a product (the master is Inventory's; Pricing keeps a copy, see Features/Products).</summary>
public sealed record Product(string Sku, string Name, decimal BasePrice, string Currency, bool PriceOverrideAllowed, bool Discountable);

/// <summary>A store (channel): its price group and currency.</summary>
public sealed record Store(string Id, string PriceGroup, string Currency);

/// <summary>A price for a product in a price group, valid in [ValidFrom, ValidTo). The lowest valid one wins (PRC-1).</summary>
public sealed record TradeAgreement(string Id, string PriceGroup, string Sku, decimal Price, string Currency,
    DateTimeOffset? ValidFrom = null, DateTimeOffset? ValidTo = null);

/// <summary>Customers who are members get the affiliation's price group (prices and discounts).</summary>
public sealed record Affiliation(string Id, string Name, string PriceGroup, IReadOnlyList<string> CustomerIds);

/// <summary>Members of a loyalty program get its price group.</summary>
public sealed record LoyaltyProgram(string Id, string Name, string PriceGroup, IReadOnlyList<string> CustomerIds);

/// <summary>A catalog of some stores, carrying price groups of its own (PRC-2: discounts mapped to a catalog of the store).</summary>
public sealed record Catalog(string Id, string Name, IReadOnlyList<string> StoreIds, IReadOnlyList<string> PriceGroups);

/// <summary>
/// A coupon unlocks its discounts when its code or barcode is in the cart (PRC-11). With <see cref="ApplyWithoutCode"/>
/// a cashier may apply it from the discount lists without typing or scanning it (PRC-2, PRC-3).
/// </summary>
public sealed record Coupon(string Id, string Code, string? Barcode, IReadOnlyList<string> DiscountIds,
    bool ApplyWithoutCode = false, DateTimeOffset? ValidFrom = null, DateTimeOffset? ValidTo = null);

/// <summary>A cashier's POS permission group: the caps of manual discounts and whether prices may be overridden.</summary>
public sealed record PermissionGroup(string Id, string Name,
    decimal MaxLineDiscountPercent, decimal MaxLineDiscountAmount,
    decimal MaxTotalDiscountPercent, decimal MaxTotalDiscountAmount,
    bool AllowPriceOverride);

/// <summary>All of Pricing's master data, as loaded; <see cref="PriceBook.Compile"/> indexes it for the engine.</summary>
public sealed record MasterData(
    IReadOnlyList<Store> Stores,
    IReadOnlyList<TradeAgreement> TradeAgreements,
    IReadOnlyList<Discount> Discounts,
    IReadOnlyList<Coupon> Coupons,
    IReadOnlyList<PermissionGroup> PermissionGroups,
    IReadOnlyList<Affiliation> Affiliations,
    IReadOnlyList<LoyaltyProgram> LoyaltyPrograms,
    IReadOnlyList<Catalog> Catalogs)
{
    public static readonly MasterData Empty = new([], [], [], [], [], [], [], []);
}

internal static class Validity
{
    /// <summary>Valid in [from, to): an open end never ends.</summary>
    public static bool IsActive(DateTimeOffset? from, DateTimeOffset? to, DateTimeOffset now) =>
        (from is null || from <= now) && (to is null || now < to);
}
