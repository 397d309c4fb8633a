namespace OmniChannel.Pricing.Features.Products;

/// <summary>The base price of a SKU and the flags pricing needs (PRC-4: override allowed; PRC-5/6: discountable).</summary>
public sealed record ProductPrice(
    string Sku,
    string Name,
    decimal BasePrice,
    string Currency,
    bool PriceOverrideAllowed,
    bool Discountable,
    long Revision);
