using Marten;
using MassTransit;
using OmniChannel.Contracts.Payment;
using OmniChannel.Contracts.Pickup;
using OmniChannel.Pickup.Features.PickupRequests;

namespace OmniChannel.Pickup.Features.Completion;

/// <summary>
/// What became of a completion's payment, shown on the pickup (PAY-9: the terminal takes a new payment). The Payment-Token
/// service's answers to the Order saga's captures name the completion's fulfillment id; answers for invoices match none.
/// </summary>
public sealed class PickupPaymentConsumers(IDocumentSession session) : IConsumer<FulfillmentPaymentCaptured>, IConsumer<FulfillmentPaymentFailed>
{
    public Task Consume(ConsumeContext<FulfillmentPaymentCaptured> context) =>
        UpdateAsync(context.Message.OrderId, context.Message.FulfillmentId,
            c => c with { Payment = PickupPaymentStatus.Captured, Captured = c.Captured + context.Message.Captured, BalanceDue = 0m, PaymentCode = null },
            context.CancellationToken);

    public Task Consume(ConsumeContext<FulfillmentPaymentFailed> context) =>
        UpdateAsync(context.Message.OrderId, context.Message.FulfillmentId,
            c => c with
            {
                Payment = PickupPaymentStatus.NewPaymentRequired, Captured = c.Captured + context.Message.Captured,
                BalanceDue = context.Message.BalanceDue, PaymentCode = context.Message.Code,
            },
            context.CancellationToken);

    /// <summary>Applies an answer once: the Payment-Token service answers a redelivered capture again, with a new message.</summary>
    private async Task UpdateAsync(Guid orderId, string attemptId, Func<PickupCompletion, PickupCompletion> change, CancellationToken ct)
    {
        if (!attemptId.StartsWith("pickup.", StringComparison.Ordinal))
            return;
        var requests = await session.Query<PickupRequest>().Where(r => r.OrderId == orderId).ToListAsync(ct);
        foreach (var request in requests)
            if (request.Completions?.FirstOrDefault(c => PickupCompletionRules.Answers(c, attemptId)) is { } completion
                && completion.AnsweredAttempts?.Contains(attemptId) != true)
            {
                var answered = change(completion) with { AnsweredAttempts = [.. completion.AnsweredAttempts ?? [], attemptId] };
                var completions = request.Completions.Select(c => c.FulfillmentId == completion.FulfillmentId ? answered : c).ToList();
                session.Store(request with { Completions = completions });
                await session.SaveChangesAsync(ct);
            }
    }
}

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
