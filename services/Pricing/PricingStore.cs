using Marten;
using OmniChannel.Pricing.Features.PriceCheck;
using OmniChannel.Pricing.Features.Products;

namespace OmniChannel.Pricing;

public static class PricingStore
{
    public static void Configure(StoreOptions options)
    {
        options.Schema.For<ProductPrice>().Identity(price => price.Sku);
        options.Schema.For<StorePricing>().Identity(store => store.StoreId);
    }
}
