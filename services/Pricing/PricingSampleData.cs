using Marten;
using OmniChannel.Pricing.Features.PriceCheck;
using OmniChannel.Pricing.Features.Products;

namespace OmniChannel.Pricing;

/// <summary>Pricing's slice of deploy/sample-data/catalog.json: store price groups and the base prices.</summary>
public sealed record PricingSampleData(string Currency, IReadOnlyList<SampleStore> Stores, IReadOnlyList<SampleProduct> Products)
{
    public static void Load(PricingSampleData data, IDocumentSession session)
    {
        session.Store(data.Stores.Select(s => new StorePricing(s.Id, s.PriceGroup, s.Currency)).ToArray());
        session.Store(data.Products.Select(p => new ProductPrice(p.Sku, p.Name, p.BasePrice, data.Currency,
            p.PriceOverrideAllowed, p.Discountable, Revision: 1)).ToArray());
    }
}

public sealed record SampleStore(string Id, string PriceGroup, string Currency);

public sealed record SampleProduct(string Sku, string Name, decimal BasePrice, bool PriceOverrideAllowed, bool Discountable);
