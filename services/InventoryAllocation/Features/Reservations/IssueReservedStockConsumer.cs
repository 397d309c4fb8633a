using Marten;
using MassTransit;
using OmniChannel.Contracts.Inventory;
using OmniChannel.InventoryAllocation.Features.Stock;

namespace OmniChannel.InventoryAllocation.Features.Reservations;

/// <summary>
/// PUP-4 / PAY-6: the goods of a pickup or a shipment leave the location's stock, once per fulfillment. A request the
/// reservation cannot honour (unknown line, more than it holds) is a defect upstream: it fails to the error queue.
/// </summary>
public sealed class IssueReservedStockConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<IssueReservedStock>
{
    public async Task Consume(ConsumeContext<IssueReservedStock> context)
    {
        var (message, ct) = (context.Message, context.CancellationToken);
        var reservation = await session.LoadAsync<Reservation>(message.OrderId, ct)
            ?? throw new InvalidOperationException($"Order {message.OrderId} has no reservation to issue stock from.");
        if (reservation.Issues?.Any(i => i.FulfillmentId == message.FulfillmentId) == true)
            return;
        if (reservation.Status != ReservationStatus.Active)
            throw new InvalidOperationException($"The reservation of order {message.OrderId} is {reservation.Status}: nothing to issue.");

        var (changes, refusal) = StockReservations.Issue(reservation, message.FulfillmentId, message.Lines);
        if (refusal is not null)
            throw new InvalidOperationException($"Order {message.OrderId}, {message.FulfillmentId}: {refusal.Detail}");
        var streams = await StockStreams.FetchAsync(session, changes.Select(c => c.LevelId), ct);
        streams.Append(changes);

        var issued = reservation with { Issues = [.. reservation.Issues ?? [], new StockIssue(message.FulfillmentId, message.Lines, clock.GetUtcNow())] };
        session.Store(issued.Held.Any(l => l.Kind != ReservationKind.CarryOut) ? issued : issued with { Status = ReservationStatus.Issued });
        await session.SaveChangesAsync(ct);
    }
}
