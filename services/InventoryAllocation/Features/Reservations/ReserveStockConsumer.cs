using Marten;
using MassTransit;
using OmniChannel.Contracts.Inventory;
using OmniChannel.InventoryAllocation.Features.Stock;

namespace OmniChannel.InventoryAllocation.Features.Reservations;

/// <summary>
/// INV-7: reserves an order's stock, all lines or none. The outbox makes the reservation, the stock changes and the
/// answer commit together; the reservation document (one per order) answers a repeated request with the first outcome.
/// Two orders racing for the same stock level: the level's stream was read at a version, so the second commit is refused
/// (Marten's ConcurrencyException) and the message is retried at once on the new state (MessagingExtensions).
/// </summary>
public sealed class ReserveStockConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<ReserveStock>
{
    public async Task Consume(ConsumeContext<ReserveStock> context)
    {
        var request = context.Message;
        if (await session.LoadAsync<Reservation>(request.OrderId, context.CancellationToken) is { } earlier)
        {
            await Answer(context, earlier);
            return;
        }

        var streams = await StockStreams.FetchAsync(session, request.Lines.Select(l => StockLevel.IdFor(l.LocationId, l.Sku)), context.CancellationToken);
        var (changes, refusal) = StockReservations.Reserve(streams.Levels, request.OrderId, request.Lines);
        streams.Append(changes);

        var reservation = refusal is null
            ? new Reservation(request.OrderId, request.ConfirmationNumber, ReservationStatus.Active, request.Lines, null, null, clock.GetUtcNow(),
                CustomerId: request.CustomerId)
            : new Reservation(request.OrderId, request.ConfirmationNumber, ReservationStatus.Refused, request.Lines, refusal.Code, refusal.Detail, clock.GetUtcNow());
        session.Insert(reservation);
        await session.SaveChangesAsync(context.CancellationToken);
        await Answer(context, reservation);
    }

    private static Task Answer(ConsumeContext context, Reservation reservation) => reservation.Status == ReservationStatus.Refused
        ? context.Publish(new StockReservationFailed
        {
            OrderId = reservation.Id, ConfirmationNumber = reservation.ConfirmationNumber, Code = reservation.RefusalCode!, Reason = reservation.RefusalReason!,
        })
        : context.Publish(new StockReserved { OrderId = reservation.Id, ConfirmationNumber = reservation.ConfirmationNumber, ReservationId = reservation.Id.ToString() });
}
