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
        var requests = await session.Query<PickupRequest>().Where(r => r.OrderId == context.Message.OrderId).Select(r => r.Id)
            .ToListAsync(context.CancellationToken);
        foreach (var id in requests)
            await PickupStream.DecideAsync(session, id, (request, _) => PickupCompletionRules.Paid(request, context.Message) is { } answered
                ? PickupDecider.Decision.Of(answered)
                : PickupDecider.Decision.Nothing, context.CancellationToken);
    }
}
