using Marten;
using MassTransit;
using OmniChannel.Contracts.Pickup;
using OmniChannel.Pickup.Features.PickupRequests;

namespace OmniChannel.Pickup.Features.Completion;

/// <summary>What became of a completion's payment, shown on the pickup (PAY-9: the terminal takes a new payment).</summary>
public sealed class PickupPaymentAnsweredConsumer(IDocumentSession session) : IConsumer<PickupPaymentAnswered>
{
    public async Task Consume(ConsumeContext<PickupPaymentAnswered> context)
    {
        var requests = await session.Query<PickupRequest>().Where(r => r.OrderId == context.Message.OrderId).ToListAsync(context.CancellationToken);
        foreach (var request in requests)
            if (PickupCompletionRules.Paid(request, context.Message) is { } answered)
            {
                session.Store(answered);
                await session.SaveChangesAsync(context.CancellationToken);
            }
    }
}
