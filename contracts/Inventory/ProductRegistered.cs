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

    /// <summary>The product's UPC (a GTIN): what a pickup counter scans when it receives the item (PUP-3); null from a publisher that predates it.</summary>
    public string? Upc { get; init; }
    public required decimal BasePrice { get; init; }
    public required string Currency { get; init; }
    public required bool PriceOverrideAllowed { get; init; }
    public required bool Discountable { get; init; }
    public required bool RevenueRecognition { get; init; }
    public required long Revision { get; init; }
    /// <summary>ECM-4: what a storefront's order line is matched by (UPC, or its part number = the vendor part number), and the MPN an operator searches by.</summary>
    public string? Upc { get; init; }
    public string? VendorPartNumber { get; init; }
    public string? Mpn { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
