using Marten;
using OmniChannel.InventoryAllocation.Features.Locations;
using OmniChannel.InventoryAllocation.Features.Products;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.InventoryAllocation.Features.Stock;

public sealed record StockCount(int OnHand);

/// <summary>
/// INV-1: a stock count sets what is on hand of a SKU at a location; what open orders reserve stays reserved.
/// Refused when it would leave less on hand than is reserved.
/// </summary>
public static class SetStock
{
    public static IEndpointRouteBuilder MapSetStock(this IEndpointRouteBuilder app)
    {
        app.MapPut("/api/inventory/locations/{locationId}/stock/{sku}", Handle)
            .RequireAuthorization(PlatformPolicies.MasterData)
            .WithTags("Stock")
            .WithSummary("Sets the on-hand quantity of a SKU at a location (a stock count).")
            .Produces<StockView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict); // less on hand than open orders reserve
        return app;
    }

    private static async Task<IResult> Handle(IDocumentSession session, string locationId, string sku, StockCount count, CancellationToken ct)
    {
        if (count.OnHand < 0)
            return ProblemCodes.BadRequest("stock.on_hand_negative", "On-hand quantity cannot be negative.");
        if (await session.LoadAsync<Location>(locationId, ct) is null)
            return ProblemCodes.NotFound("location.not_found", $"No location '{locationId}'.");
        if (await session.LoadAsync<Product>(sku, ct) is null)
            return ProblemCodes.NotFound("product.not_found", $"No product has SKU '{sku}'.");

        var id = StockLevel.IdFor(locationId, sku);
        var level = await session.LoadAsync<StockLevel>(id, ct) ?? new StockLevel(id, locationId, sku, 0, 0);
        if (count.OnHand < level.Reserved)
            return ProblemCodes.Conflict("stock.below_reserved", $"{level.Reserved} are reserved by open orders; on hand cannot be less.");

        level = level with { OnHand = count.OnHand };
        session.Store(level);
        await session.SaveChangesAsync(ct);
        return TypedResults.Ok(new StockView(level.LocationId, level.Sku, level.OnHand, level.Reserved, level.Available));
    }
}
