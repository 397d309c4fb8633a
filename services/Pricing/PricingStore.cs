using Marten;
using OmniChannel.Pricing.Engine.Model;
using OmniChannel.Pricing.Features.PriceCheck;
using OmniChannel.Pricing.Features.Products;

namespace OmniChannel.Pricing;

public static class PricingStore
{
    public static void Configure(StoreOptions options)
    {
        options.Schema.For<ProductPrice>().Identity(price => price.Sku);
        options.Schema.For<StorePricing>().Identity(store => store.StoreId);

        // Pricing's master data: the engine's own records, stored as documents.
        options.Schema.For<TradeAgreement>().Identity(a => a.Id);
        options.Schema.For<Discount>().Identity(d => d.Id);
        options.Schema.For<Coupon>().Identity(c => c.Id);
        options.Schema.For<PermissionGroup>().Identity(p => p.Id);
        options.Schema.For<Affiliation>().Identity(a => a.Id);
        options.Schema.For<LoyaltyProgram>().Identity(l => l.Id);
        options.Schema.For<Catalog>().Identity(c => c.Id);
    }
}
