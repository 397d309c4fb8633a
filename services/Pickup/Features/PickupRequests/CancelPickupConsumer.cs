using Marten;
using MassTransit;
using OmniChannel.Contracts.Pickup;

namespace OmniChannel.Pickup.Features.PickupRequests;

/// <summary>PUP-2 / ORD-8: the order was cancelled: its open pickup requests are cancelled, their receipts void. Idempotent.</summary>
public sealed class CancelPickupConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<CancelPickup>
{
    public async Task Consume(ConsumeContext<CancelPickup> context)
    {
        var open = await session.Query<PickupRequest>()
            .Where(r => r.OrderId == context.Message.OrderId)
            .Select(r => r.Id)
            .ToListAsync(context.CancellationToken);
        foreach (var id in open)
            await PickupStream.DecideAsync(session, id, (request, _) => PickupDecider.Cancel(request, context.Message.Reason, clock.GetUtcNow()),
                context.CancellationToken);
    }
}
