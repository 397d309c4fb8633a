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

/// <summary>INV-2: status flags of a SKU.</summary>
public sealed record SkuStatus(
    bool Discontinued = false,
    DateOnly? DiscontinuedOn = null,
    bool ForcedSoldOut = false,
    bool LimitedStock = false);
