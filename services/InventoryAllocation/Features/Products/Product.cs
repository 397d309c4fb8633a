using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.InventoryAllocation.Features.Products;

/// <summary>A SKU of the product master (INV-1, INV-2): identifiers for matching (UPC, VPN, MPN), price and flags.</summary>
public sealed record Product(
    string Sku,
    string Name,
    string Upc,
    string VendorPartNumber,
    string? Mpn,
    decimal BasePrice,
    string Currency,
    bool PriceOverrideAllowed,
    bool Discountable,
    bool RevenueRecognition,
    SkuStatus Status,
    long Revision);

public enum ReorderDecision { Reorder, DoNotReorder }

/// <summary>
/// INV-2: status flags of a SKU, set by a merchandiser. A forced sold-out SKU shows 0 available online; a limited one at
/// most <see cref="LimitedStockQuantity"/> (unset: the sample catalogue's flag alone, no cap).
/// </summary>
public sealed record SkuStatus(
    bool Discontinued = false,
    DateOnly? DiscontinuedOn = null,
    bool ForcedSoldOut = false,
    bool LimitedStock = false,
    ReorderDecision? Reorder = null,
    DateOnly? ReorderDecidedOn = null,
    int? LimitedStockQuantity = null)
{
    /// <summary>What a storefront may show as available online, given what the warehouses have available.</summary>
    public int OnlineAvailable(int available) => ForcedSoldOut ? 0
        : LimitedStock && LimitedStockQuantity is { } limit ? Math.Clamp(available, 0, limit)
        : Math.Max(available, 0);

    /// <summary>The first rule the flags break, as a refusal; null when they break none.</summary>
    public Refusal? Validate() => this switch
    {
        { Discontinued: false, DiscontinuedOn: not null } => new("status.discontinued_on_without_flag", "discontinuedOn is only given with discontinued."),
        { Discontinued: true, DiscontinuedOn: null } => new("status.discontinued_on_required", "A discontinued SKU says since when (discontinuedOn)."),
        { Reorder: null, ReorderDecidedOn: not null } => new("status.reorder_date_without_decision", "reorderDecidedOn is only given with a reorder decision."),
        { Reorder: not null, ReorderDecidedOn: null } => new("status.reorder_date_required", "A reorder decision says when it was made (reorderDecidedOn)."),
        { LimitedStock: false, LimitedStockQuantity: not null } => new("status.limit_without_flag", "limitedStockQuantity is only given with limitedStock."),
        { LimitedStock: true, LimitedStockQuantity: null or < 0 or > 1_000_000 } => new("status.limit_invalid", "A limited SKU gives its limit: 0 to 1,000,000 units."),
        _ => null,
    };
}
