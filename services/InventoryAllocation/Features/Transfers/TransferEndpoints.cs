using Marten;
using OmniChannel.InventoryAllocation.Features.Locations;
using OmniChannel.InventoryAllocation.Features.Stock;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Persistence;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.InventoryAllocation.Features.Transfers;

/// <summary>
/// INV-1 transfer orders: create (the units become the sender's scheduled outbound), ship (in transit), receive (on hand
/// at the receiver). Warehouse work, an operator's. The transfer document and the levels' streams commit together, each
/// at the version read: a reservation taking the same units meanwhile makes the step decide again.
/// </summary>
public static class TransferEndpoints
{
    public static IEndpointRouteBuilder MapTransfers(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/inventory/transfers").WithTags("Transfers");
        api.MapPost("/", Create).RequireAuthorization(PlatformPolicies.Operator)
            .WithSummary("Creates a transfer order under the caller's number; the same transfer again answers as it was created.")
            .Produces<TransferOrder>(StatusCodes.Status201Created)
            .Produces<TransferOrder>() // the same number and content again
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict); // not enough available at the sender, or the number holds another transfer
        api.MapGet("/{number}", Get).RequireAuthorization(PlatformPolicies.ReferenceData)
            .WithSummary("A transfer order and where it is.")
            .Produces<TransferOrder>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{number}/shipment", (IDocumentSession session, TimeProvider clock, string number, CancellationToken ct) =>
                StepAsync(session, number, TransferDecider.Ship, t => t with { Status = TransferStatus.Shipped, ShippedAt = clock.GetUtcNow() }, ct))
            .RequireAuthorization(PlatformPolicies.Operator)
            .WithSummary("The transfer's goods leave the sender: off its shelf, in transit to the receiver.")
            .Produces<TransferOrder>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict); // already shipped
        api.MapPost("/{number}/receipt", (IDocumentSession session, TimeProvider clock, string number, CancellationToken ct) =>
                StepAsync(session, number, (t, _) => TransferDecider.Receive(t), t => t with { Status = TransferStatus.Received, ReceivedAt = clock.GetUtcNow() }, ct))
            .RequireAuthorization(PlatformPolicies.Operator)
            .WithSummary("The transfer's goods arrived: on hand at the receiver.")
            .Produces<TransferOrder>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict); // not shipped yet, or already received
        return app;
    }

    private static async Task<IResult> Get(IQuerySession session, string number, CancellationToken ct) =>
        await session.LoadAsync<TransferOrder>(number, ct) is { } transfer
            ? TypedResults.Ok(transfer)
            : ProblemCodes.NotFound("transfer.not_found", $"No transfer order '{number}'.");

    private static async Task<IResult> Create(IDocumentSession session, TimeProvider clock, CreateTransferRequest request, CancellationToken ct)
    {
        foreach (var location in new[] { request.FromLocationId, request.ToLocationId }.OfType<string>().Where(l => !string.IsNullOrWhiteSpace(l)).Distinct())
            if (await session.LoadAsync<Location>(location, ct) is null)
                return ProblemCodes.BadRequest("location.not_found", $"No location '{location}'.");

        for (var attempt = 1; ; attempt++)
        {
            if (request.Number is { Length: > 0 and <= 40 } number && await session.LoadAsync<TransferOrder>(number, ct) is { } earlier)
                return Same(earlier, request)
                    ? TypedResults.Ok(earlier)
                    : ProblemCodes.Conflict("transfer.number_taken", $"Transfer number {number} holds another transfer.");

            var ids = (request.Lines ?? []).Where(l => l?.Sku is not null && request.FromLocationId is not null)
                .Select(l => StockLevel.IdFor(request.FromLocationId!, l.Sku));
            var streams = await StockStreams.FetchAsync(session, ids, ct);
            var (changes, refusal) = TransferDecider.Create(request, streams.Levels);
            if (refusal is not null)
                return refusal.ToProblem();
            streams.Append(changes);
            var transfer = new TransferOrder(request.Number!, request.FromLocationId!, request.ToLocationId!, request.Lines!, TransferStatus.Scheduled, clock.GetUtcNow());
            session.Insert(transfer);
            try
            {
                await session.SaveChangesAsync(ct);
                return TypedResults.Created($"/api/inventory/transfers/{transfer.Id}", transfer);
            }
            catch (Exception exception) when (WriteConflict.IsAny(exception) && attempt < 5)
            {
                session.EjectAllPendingChanges(); // the same transfer created at once, or the units taken meanwhile: look again
                session.EjectAllOfType(typeof(TransferOrder));
            }
        }
    }

    private static async Task<IResult> StepAsync(IDocumentSession session, string number,
        Func<TransferOrder, IReadOnlyDictionary<string, StockLevel>, (IReadOnlyList<StockChange> Changes, Refusal? Refusal)> decide,
        Func<TransferOrder, TransferOrder> advance, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await session.LoadAsync<TransferOrder>(number, ct) is not { } transfer)
                return ProblemCodes.NotFound("transfer.not_found", $"No transfer order '{number}'.");
            var streams = await StockStreams.FetchAsync(session, transfer.Lines.SelectMany(l =>
                new[] { StockLevel.IdFor(transfer.FromLocationId, l.Sku), StockLevel.IdFor(transfer.ToLocationId, l.Sku) }), ct);
            var (changes, refusal) = decide(transfer, streams.Levels);
            if (refusal is not null)
                return refusal.ToProblem();
            streams.Append(changes);
            var next = advance(transfer);
            session.Store(next);
            try
            {
                await session.SaveChangesAsync(ct);
                return TypedResults.Ok(next);
            }
            catch (Exception exception) when (WriteConflict.IsAny(exception) && attempt < 5)
            {
                session.EjectAllPendingChanges(); // the same step at once: decide again on what the other did
                session.EjectAllOfType(typeof(TransferOrder));
            }
        }
    }

    private static bool Same(TransferOrder transfer, CreateTransferRequest request) =>
        transfer.FromLocationId == request.FromLocationId && transfer.ToLocationId == request.ToLocationId
        && request.Lines is { } lines && transfer.Lines.SequenceEqual(lines);
}
