using Marten;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.InventoryAllocation.Features.Stock;

/// <summary>One change of a level: its reason, its quantities after it, and the event as recorded.</summary>
public sealed record StockHistoryEntry(long Version, string Reason, DateTimeOffset At, int OnHand, int Reserved, object Details);

/// <summary>Why a SKU's stock at a location is what it is: its stream replayed, each change with its reason.</summary>
public static class StockHistory
{
    public static IEndpointRouteBuilder MapStockHistory(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/inventory/locations/{locationId}/stock/{sku}/history", Handle)
            .RequireAuthorization(PlatformPolicies.ReferenceData)
            .WithTags("Stock")
            .WithSummary("Every change of a SKU's stock at a location, oldest first, with its reason and the quantities after it.")
            .Produces<IReadOnlyList<StockHistoryEntry>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> Handle(IQuerySession session, string locationId, string sku, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(StockLevel.IdFor(locationId, sku), token: ct);
        if (events.Count == 0)
            return ProblemCodes.NotFound("stock.not_stocked", $"{sku} was never stocked at {locationId}.");
        var history = new List<StockHistoryEntry>(events.Count);
        StockLevel? level = null;
        foreach (var e in events)
        {
            level = Decided.Fold(level, e.Data);
            history.Add(new(e.Version, StockEvent.ReasonOf(e.Data), e.Timestamp, level.OnHand, level.Reserved, e.Data));
        }
        return TypedResults.Ok(history);
    }
}
