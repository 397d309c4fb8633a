using Marten;
using MassTransit;
using OmniChannel.Contracts.Inventory;
using OmniChannel.InventoryAllocation.Features.Stock;

namespace OmniChannel.InventoryAllocation.Features.Reservations;

/// <summary>
/// ORD-7: units of an order's lines cancelled while the rest stays open go back to their location, once per release id.
/// A reservation no longer active (released whole, refused) holds nothing more to give back: the request changes nothing.
/// A request the reservation cannot honour (unknown line, more than it holds) is a defect upstream: it fails to the error queue.
/// </summary>
public sealed class ReleaseStockLinesConsumer(IDocumentSession session, TimeProvider clock, ILogger<ReleaseStockLinesConsumer> logger)
    : IConsumer<ReleaseStockLines>
{
    public async Task Consume(ConsumeContext<ReleaseStockLines> context)
    {
        var (message, ct) = (context.Message, context.CancellationToken);
        var reservation = await session.LoadAsync<Reservation>(message.OrderId, ct)
            ?? throw new InvalidOperationException($"Order {message.OrderId} has no reservation to release lines from.");
        if (reservation.Releases?.Any(r => r.ReleaseId == message.ReleaseId) == true)
            return;
        if (reservation.Status != ReservationStatus.Active)
        {
            logger.LogWarning("Lines of order {OrderId} released ({ReleaseId}) but its reservation is {Status}: nothing held", message.OrderId,
                message.ReleaseId, reservation.Status);
            return;
        }

        var (changes, refusal) = StockReservations.ReleaseLines(reservation, message.Lines);
        if (refusal is not null)
            throw new InvalidOperationException($"Order {message.OrderId}, {message.ReleaseId}: {refusal.Detail}");
        var streams = await StockStreams.FetchAsync(session, changes.Select(c => c.LevelId), ct);
        streams.Append(changes);
        session.Store(reservation with
        {
            Releases = [.. reservation.Releases ?? [], new StockLineRelease(message.ReleaseId, message.Lines, clock.GetUtcNow())],
        });
        await session.SaveChangesAsync(ct);
    }
}
