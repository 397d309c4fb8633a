using Marten;
using OmniChannel.InventoryAllocation.Features.Locations;
using OmniChannel.InventoryAllocation.Features.Products;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.InventoryAllocation.Features.Stock;

public sealed record StockView(string LocationId, string Sku, int OnHand, int Reserved, int Available, int ScheduledOutbound, int InTransit, int Allocated = 0);

public static class GetStock
{
    public static IEndpointRouteBuilder MapStock(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/inventory").RequireAuthorization(PlatformPolicies.ReferenceData).WithTags("Stock");
        api.MapGet("/locations/{locationId}/stock", AtLocation).WithSummary("Stock of every SKU at a location.")
            .Produces<IReadOnlyList<StockView>>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/products/{sku}/stock", OfProduct).WithSummary("Stock of a SKU at every location.")
            .Produces<IReadOnlyList<StockView>>().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> AtLocation(IQuerySession session, string locationId, CancellationToken ct)
    {
        if (await session.LoadAsync<Location>(locationId, ct) is null)
            return ProblemCodes.NotFound("location.not_found", $"No location '{locationId}'.");
        var levels = await session.Query<StockLevel>().Where(s => s.LocationId == locationId).OrderBy(s => s.Sku).ToListAsync(ct);
        return TypedResults.Ok(levels.Select(ToView));
    }

    private static async Task<IResult> OfProduct(IQuerySession session, string sku, CancellationToken ct)
    {
        if (await session.LoadAsync<Product>(sku, ct) is null)
            return ProblemCodes.NotFound("product.not_found", $"No product has SKU '{sku}'.");
        var levels = await session.Query<StockLevel>().Where(s => s.Sku == sku).OrderBy(s => s.LocationId).ToListAsync(ct);
        return TypedResults.Ok(levels.Select(ToView));
    }

    public static StockView ToView(StockLevel s) => new(s.LocationId, s.Sku, s.OnHand, s.Reserved, s.Available, s.ScheduledOutbound, s.InTransit, s.Allocated);
}
