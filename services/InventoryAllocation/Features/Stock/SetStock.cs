using Marten;
using OmniChannel.InventoryAllocation.Features.Locations;
using OmniChannel.InventoryAllocation.Features.Products;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Persistence;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.InventoryAllocation.Features.Stock;

public sealed record StockCount(int OnHand);

public sealed record StockReceipt(int Quantity, string? Reference);

/// <summary>
/// INV-1: a stock count sets what is on hand of a SKU at a location (refused when it would leave less on hand than
/// open orders reserve); a receipt adds goods that came in. Both are events on the level's stream.
/// </summary>
public static class SetStock
{
    public static IEndpointRouteBuilder MapSetStock(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/inventory/locations/{locationId}/stock/{sku}").RequireAuthorization(PlatformPolicies.MasterData).WithTags("Stock");
        api.MapPut("/", (IDocumentSession session, string locationId, string sku, StockCount count, CancellationToken ct) =>
                DecideAsync(session, locationId, sku, level => StockDecider.Count(level, locationId, sku, count.OnHand), ct))
            .WithSummary("Sets the on-hand quantity of a SKU at a location (a stock count).")
            .Produces<StockView>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict); // less on hand than open orders reserve
        api.MapPost("/receipts", (IDocumentSession session, string locationId, string sku, StockReceipt receipt, CancellationToken ct) =>
                DecideAsync(session, locationId, sku, level => StockDecider.Receive(level, locationId, sku, receipt.Quantity, receipt.Reference), ct))
            .WithSummary("Adds goods received at a location (a delivery, a return to stock) with what they came on.")
            .Produces<StockView>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> DecideAsync(IDocumentSession session, string locationId, string sku,
        Func<StockLevel?, (IReadOnlyList<StockChange> Changes, Refusal? Refusal)> decide, CancellationToken ct)
    {
        if (await session.LoadAsync<Location>(locationId, ct) is null)
            return ProblemCodes.NotFound("location.not_found", $"No location '{locationId}'.");
        if (await session.LoadAsync<Product>(sku, ct) is null)
            return ProblemCodes.NotFound("product.not_found", $"No product has SKU '{sku}'.");

        var id = StockLevel.IdFor(locationId, sku);
        for (var attempt = 1; ; attempt++)
        {
            var streams = await StockStreams.FetchAsync(session, [id], ct);
            var (changes, refusal) = decide(streams.Levels.GetValueOrDefault(id));
            if (refusal is not null)
                return refusal.ToProblem();
            streams.Append(changes);
            try
            {
                await session.SaveChangesAsync(ct);
            }
            catch (Exception exception) when (WriteConflict.IsAny(exception) && attempt < 5)
            {
                session.EjectAllPendingChanges(); // a reservation took units meanwhile: decide again on the new level
                continue;
            }
            var level = await session.LoadAsync<StockLevel>(id, ct);
            return TypedResults.Ok(GetStock.ToView(level!));
        }
    }
}
