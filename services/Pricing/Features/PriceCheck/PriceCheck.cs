using Marten;
using OmniChannel.Pricing.Engine;
using OmniChannel.Pricing.Features.MasterData;
using OmniChannel.Pricing.Features.Products;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.Pricing.Features.PriceCheck;

/// <summary><see cref="Source"/> is BasePrice or TradeAgreement; for a trade agreement, its id and price group.</summary>
public sealed record PriceCheckResult(string Sku, string Name, string StoreId, string PriceGroup, decimal Price, string Currency, string Source,
    string? TradeAgreementId = null, string? TradeAgreementPriceGroup = null);

/// <summary>PRC-1: the configured price of a product in a store.</summary>
public static class PriceCheck
{
    public static IEndpointRouteBuilder MapPriceCheck(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/pricing/stores/{storeId}/prices/{sku}", Handle)
            .RequireAuthorization(PlatformPolicies.ReferenceData)
            .WithTags("Price check")
            .WithSummary("PRC-1: the price of a product in a store (trade agreements of its price groups, validity dates); " +
                         "customerId adds the customer's affiliation and loyalty price groups.")
            .Produces<PriceCheckResult>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> Handle(string storeId, string sku, string? customerId, IQuerySession session,
        PriceBookProvider books, TimeProvider clock, CancellationToken ct)
    {
        var book = await books.CurrentAsync(ct);
        if (book.FindStore(storeId) is not { } store)
            return ProblemCodes.NotFound("store.not_found", $"No store '{storeId}'.");
        if (await session.LoadAsync<ProductPrice>(sku, ct) is not { } product)
            return ProblemCodes.NotFound("product.not_found", $"No price for SKU '{sku}'.");

        var (price, source) = PriceResolution.Resolve(
            new Engine.Model.Product(product.Sku, product.Name, product.BasePrice, product.Currency, product.PriceOverrideAllowed, product.Discountable),
            book.CartGroups(store.Id, customerId), book, store.Currency, clock.GetUtcNow());
        return TypedResults.Ok(new PriceCheckResult(product.Sku, product.Name, store.Id, store.PriceGroup, price, product.Currency,
            source.Kind.ToString(), source.TradeAgreementId, source.PriceGroup));
    }
}
