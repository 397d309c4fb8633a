using Marten;
using MassTransit;
using OmniChannel.Contracts.Pickup;
using OmniChannel.Pickup.Features.PickupRequests;

namespace OmniChannel.Pickup.Features.Cancellations;

/// <summary>
/// PUP-2: some of an order's lines were cancelled: each of its open pickup requests cancels those units (nothing left:
/// cancelled, receipt void) and, when its receipt was printed, a slip with only the newly cancelled items goes on the store's
/// print queue. Idempotent per cancellation id; a request that is over stays as it is.
/// </summary>
public sealed class CancelPickupLinesConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<CancelPickupLines>
{
    public async Task Consume(ConsumeContext<CancelPickupLines> context)
    {
        var message = context.Message;
        var items = message.Lines.Select(l => new CancelledItem(l.LineId, l.Sku, l.Quantity)).ToList();
        var requests = await session.Query<PickupRequest>()
            .Where(r => r.OrderId == message.OrderId)
            .Select(r => r.Id)
            .ToListAsync(context.CancellationToken);
        foreach (var id in requests)
            await CancellationPrinting.CancelWithSlipAsync(session, id, clock,
                (request, now) => request.IsOpen
                    ? PickupDecider.CancelItems(request, items, message.Reason, now, message.CancellationId)
                    : PickupDecider.Decision.Nothing,
                message.Reason, context.CancellationToken);
    }
}
