namespace OmniChannel.Contracts.Inventory;

/// <summary>
/// Published by Inventory-Allocation (the owner of the product master) when a product is registered or changed,
/// so Pricing prices it and other services learn its flags. <see cref="Revision"/> grows with every change:
/// a consumer that already holds a later revision ignores an older one arriving late.
/// </summary>
public sealed record ProductRegistered
{
    public required string Sku { get; init; }
    public required string Name { get; init; }

    public required decimal BasePrice { get; init; }
    public required string Currency { get; init; }
    public required bool PriceOverrideAllowed { get; init; }
    public required bool Discountable { get; init; }
    public required bool RevenueRecognition { get; init; }
    public required long Revision { get; init; }
    /// <summary>
    /// The product's UPC (a GTIN): what a pickup counter scans when it receives the item (PUP-3) and what a storefront's
    /// order line is matched by (ECM-4); null from a publisher that predates it.
    /// </summary>
    public string? Upc { get; init; }

    /// <summary>ECM-4: a storefront line's part number matches the vendor part number; an operator also searches by the MPN.</summary>
    public string? VendorPartNumber { get; init; }
    public string? Mpn { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
