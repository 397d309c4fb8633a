using Marten;
using OmniChannel.InventoryAllocation.Features.Locations;
using OmniChannel.InventoryAllocation.Features.Products;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Persistence;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.InventoryAllocation.Features.Stock;

public sealed record StockWriteOff(int Quantity, string? Reason);

/// <summary>
/// INV-4: units found damaged or missing leave on-hand stock (a merchandiser's). A write-off may leave less on the shelf
/// than ship lines reserve before allocation (the allocation run then finds the shortage), never less than is allocated
/// or promised to transfers.
/// </summary>
public static class WriteOffStock
{
    public static IEndpointRouteBuilder MapWriteOffStock(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/inventory/locations/{locationId}/stock/{sku}/write-offs", HandleAsync)
            .RequireAuthorization(PlatformPolicies.MasterData)
            .WithTags("Stock")
            .WithSummary("Writes off damaged or missing units of a SKU at a location, with the reason.")
            .Produces<StockView>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public static (IReadOnlyList<StockChange> Changes, Refusal? Refusal) Decide(StockLevel? level, string locationId, string sku, StockWriteOff writeOff)
    {
        if (writeOff.Quantity is <= 0 or > 1_000_000)
            return ([], new("stock.quantity_invalid", "A write-off is 1 to 1,000,000 units."));
        if (string.IsNullOrWhiteSpace(writeOff.Reason) || writeOff.Reason.Length > 200 || writeOff.Reason.Any(char.IsControl))
            return ([], new("stock.reason_invalid", "A write-off says why (damaged, missing): 1 to 200 characters, no control characters."));
        if (level is null)
            return ([], Refusal.Conflict("stock.not_stocked", $"{sku} was never stocked at {locationId}."));
        if (level.OnHand - writeOff.Quantity < level.Allocated + level.ScheduledOutbound)
            return ([], Refusal.Conflict("stock.below_allocated",
                $"{level.OnHand} on hand, {level.Allocated} allocated and {level.ScheduledOutbound} promised to transfers: {writeOff.Quantity} cannot be written off."));
        return ([new(level.Id, new StockEvent.WrittenOff(writeOff.Quantity, writeOff.Reason))], null);
    }

    private static async Task<IResult> HandleAsync(IDocumentSession session, string locationId, string sku, StockWriteOff writeOff, CancellationToken ct)
    {
        if (await session.LoadAsync<Location>(locationId, ct) is null)
            return ProblemCodes.NotFound("location.not_found", $"No location '{locationId}'.");
        if (await session.LoadAsync<Product>(sku, ct) is null)
            return ProblemCodes.NotFound("product.not_found", $"No product has SKU '{sku}'.");
        var id = StockLevel.IdFor(locationId, sku);
        for (var attempt = 1; ; attempt++)
        {
            var streams = await StockStreams.FetchAsync(session, [id], ct);
            var (changes, refusal) = Decide(streams.Levels.GetValueOrDefault(id), locationId, sku, writeOff);
            if (refusal is not null)
                return refusal.ToProblem();
            streams.Append(changes);
            try
            {
                await session.SaveChangesAsync(ct);
            }
            catch (Exception exception) when (WriteConflict.IsAny(exception) && attempt < 5)
            {
                session.EjectAllPendingChanges(); // an allocation or a reservation changed the level meanwhile: decide again
                continue;
            }
            return TypedResults.Ok(GetStock.ToView((await session.LoadAsync<StockLevel>(id, ct))!));
        }
    }
}
