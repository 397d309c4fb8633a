using Marten;
using MassTransit;
using OmniChannel.Contracts.Pickup;
using OmniChannel.Pickup.Features.Cancellations;

namespace OmniChannel.Pickup.Features.PickupRequests;

/// <summary>
/// PUP-2 / ORD-8: the order was cancelled: its open pickup requests are cancelled, their receipts void, and a printed
/// receipt's request gets a cancellation slip for what was still to collect. Idempotent.
/// </summary>
public sealed class CancelPickupConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<CancelPickup>
{
    public async Task Consume(ConsumeContext<CancelPickup> context)
    {
        var open = await session.Query<PickupRequest>()
            .Where(r => r.OrderId == context.Message.OrderId)
            .Select(r => r.Id)
            .ToListAsync(context.CancellationToken);
        foreach (var id in open)
            await CancellationPrinting.CancelWithSlipAsync(session, id, clock,
                (request, now) => PickupDecider.Cancel(request, context.Message.Reason, now), context.Message.Reason, context.CancellationToken);
    }
}
