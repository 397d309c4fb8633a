using Marten;
using OmniChannel.InventoryAllocation.Features.Products;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.InventoryAllocation.Features.Stock;

/// <summary>INV-1 quantities of a SKU at one warehouse, or summed over all.</summary>
/// <param name="Reserved">Held for online and store orders before allocation (INV-7).</param>
/// <param name="ScheduledOutbound">Promised to transfer orders, still on the shelf.</param>
/// <param name="InTransit">Shipped by another warehouse's transfer, not yet on hand.</param>
/// <param name="Allocated">The part of <paramref name="Reserved"/> an allocation run confirmed for shipping (INV-4).</param>
public sealed record StockFigures(int OnHand, int Available, int Reserved, int ScheduledOutbound, int InTransit, int Allocated = 0)
{
    public static StockFigures Of(StockLevel l) => new(l.OnHand, l.Available, l.Reserved, l.ScheduledOutbound, l.InTransit, l.Allocated);

    public static StockFigures Sum(IEnumerable<StockFigures> all) => all.Aggregate(new StockFigures(0, 0, 0, 0, 0), (t, f) =>
        new(t.OnHand + f.OnHand, t.Available + f.Available, t.Reserved + f.Reserved, t.ScheduledOutbound + f.ScheduledOutbound, t.InTransit + f.InTransit,
            t.Allocated + f.Allocated));
}

public sealed record WarehouseStock(string LocationId, StockFigures Stock);

public sealed record IntegratedStock(string Sku, StockFigures Total, IReadOnlyList<WarehouseStock> Warehouses);

/// <summary>INV-1: the O2O integrated inventory screen of one SKU: every warehouse and the total across them.</summary>
public static class GetIntegratedStock
{
    public static IEndpointRouteBuilder MapIntegratedStock(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/inventory/products/{sku}/integrated-stock", Handle)
            .RequireAuthorization(PlatformPolicies.ReferenceData)
            .WithTags("Stock")
            .WithSummary("A SKU's stock per warehouse and across all: on hand, available, reserved, scheduled outbound, in transit.")
            .Produces<IntegratedStock>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> Handle(IQuerySession session, string sku, CancellationToken ct)
    {
        if (await session.LoadAsync<Product>(sku, ct) is null)
            return ProblemCodes.NotFound("product.not_found", $"No product has SKU '{sku}'.");
        var levels = await session.Query<StockLevel>().Where(s => s.Sku == sku).OrderBy(s => s.LocationId).ToListAsync(ct);
        var warehouses = levels.Select(l => new WarehouseStock(l.LocationId, StockFigures.Of(l))).ToList();
        return TypedResults.Ok(new IntegratedStock(sku, StockFigures.Sum(warehouses.Select(w => w.Stock)), warehouses));
    }
}
