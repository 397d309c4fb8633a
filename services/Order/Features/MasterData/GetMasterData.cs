using Marten;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.Order.Features.MasterData;

public static class GetMasterData
{
    public static IEndpointRouteBuilder MapMasterData(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/orders").RequireAuthorization(PlatformPolicies.ReferenceData).WithTags("Customers and stores");
        api.MapGet("/customers/{customerId}", async Task<IResult> (IQuerySession session, string customerId, CancellationToken ct) =>
                await session.LoadAsync<Customer>(customerId, ct) is { } customer
                    ? TypedResults.Ok(customer)
                    : ProblemCodes.NotFound("customer.not_found", $"No customer '{customerId}'."))
            .RequireAuthorization(PlatformPolicies.CustomerData) // personal data: not a storefront's, not a merchandiser's
            .WithSummary("A customer by id.")
            .Produces<Customer>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/stores/{storeId}", async Task<IResult> (IQuerySession session, string storeId, CancellationToken ct) =>
                await session.LoadAsync<StoreSettings>(storeId, ct) is { } store
                    ? TypedResults.Ok(store)
                    : ProblemCodes.NotFound("store.not_found", $"No store '{storeId}'."))
            .WithSummary("A store's order settings, its order creation mode among them (ORD-9).")
            .Produces<StoreSettings>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/products/{sku}", async Task<IResult> (IQuerySession session, string sku, CancellationToken ct) =>
                await session.LoadAsync<ProductInfo>(sku, ct) is { } product
                    ? TypedResults.Ok(product)
                    : ProblemCodes.NotFound("product.not_found", $"Order taking does not know SKU '{sku}'."))
            .WithSummary("A product as order taking knows it (kept in step with the product master).")
            .Produces<ProductInfo>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
