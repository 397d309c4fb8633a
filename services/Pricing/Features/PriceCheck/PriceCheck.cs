using Marten;
using OmniChannel.Pricing.Features.Products;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.Pricing.Features.PriceCheck;

public sealed record PriceCheckResult(string Sku, string Name, string StoreId, string PriceGroup, decimal Price, string Currency, string Source);

/// <summary>PRC-1: the configured price of a product in a store.</summary>
public static class PriceCheck
{
    public static IEndpointRouteBuilder MapPriceCheck(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/pricing/stores/{storeId}/prices/{sku}", Handle)
            .WithTags("Price check")
            .WithSummary("PRC-1: the price of a product in a store.");
        return app;
    }

    private static async Task<IResult> Handle(IQuerySession session, string storeId, string sku, CancellationToken ct)
    {
        if (await session.LoadAsync<StorePricing>(storeId, ct) is not { } store)
            return ProblemCodes.NotFound("store.not_found", $"No store '{storeId}'.");
        if (await session.LoadAsync<ProductPrice>(sku, ct) is not { } product)
            return ProblemCodes.NotFound("product.not_found", $"No price for SKU '{sku}'.");

        // Trade agreements per price group come with the pricing engine (PRC-*); until then the base price applies.
        return TypedResults.Ok(new PriceCheckResult(product.Sku, product.Name, store.StoreId, store.PriceGroup,
            product.BasePrice, product.Currency, Source: "BasePrice"));
    }
}
