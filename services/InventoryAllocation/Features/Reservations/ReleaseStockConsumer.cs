using Marten;
using MassTransit;
using OmniChannel.Contracts.Inventory;
using OmniChannel.InventoryAllocation.Features.Stock;

namespace OmniChannel.InventoryAllocation.Features.Reservations;

/// <summary>INV-7 compensation: gives back what an order's reservation holds, once; a repeated request only answers again.</summary>
public sealed class ReleaseStockConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<ReleaseStock>
{
    public async Task Consume(ConsumeContext<ReleaseStock> context)
    {
        var reservation = await session.LoadAsync<Reservation>(context.Message.OrderId, context.CancellationToken);
        if (reservation is { Status: ReservationStatus.Active })
        {
            // Goods already handed over or shipped are gone: only what is still held goes back.
            var held = reservation.Held;
            var streams = await StockStreams.FetchAsync(session, held.Select(l => StockLevel.IdFor(l.LocationId, l.Sku)), context.CancellationToken);
            streams.Append(StockReservations.Release(reservation.Id, held, reservation.AllocatedHeld));
            session.Store(reservation with { Status = ReservationStatus.Released, At = clock.GetUtcNow() });
            await session.SaveChangesAsync(context.CancellationToken);
        }
        await context.Publish(new StockReleased { OrderId = context.Message.OrderId });
    }
}
