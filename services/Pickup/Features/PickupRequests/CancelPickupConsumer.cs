using Marten;
using MassTransit;
using OmniChannel.Contracts.Pickup;

namespace OmniChannel.Pickup.Features.PickupRequests;

/// <summary>PUP-2 / ORD-8: the order was cancelled: its open pickup requests are cancelled, their receipts void. Idempotent.</summary>
public sealed class CancelPickupConsumer(IDocumentSession session) : IConsumer<CancelPickup>
{
    public async Task Consume(ConsumeContext<CancelPickup> context)
    {
        var open = await session.Query<PickupRequest>()
            .Where(r => r.OrderId == context.Message.OrderId && (r.Status == PickupStatus.Requested || r.Status == PickupStatus.Received))
            .ToListAsync(context.CancellationToken);
        foreach (var request in open)
            session.Store(request with { Status = PickupStatus.Cancelled, CancellationReason = context.Message.Reason });
        await session.SaveChangesAsync(context.CancellationToken);
    }
}
