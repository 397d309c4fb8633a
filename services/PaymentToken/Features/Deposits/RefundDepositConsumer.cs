using Marten;
using MassTransit;
using OmniChannel.Contracts.Payment;
using OmniChannel.PaymentToken.Connectors;
using OmniChannel.PaymentToken.Features.Refunds;
using OmniChannel.PaymentToken.Features.Voids;
using OmniChannel.PaymentToken.Payments;

namespace OmniChannel.PaymentToken.Features.Deposits;

/// <summary>
/// Compensation: refunds a captured deposit in full against its capture token (PAY-11) and releases what the swipe
/// left authorized, once. Processor keys derive from the order and this request, so a redelivery asks the same.
/// </summary>
public sealed class RefundDepositConsumer(IDocumentSession session, IConnectors connectors, TimeProvider clock) : IConsumer<RefundDeposit>
{
    public const string RequestKey = "deposit-refund";

    public async Task Consume(ConsumeContext<RefundDeposit> context)
    {
        var (orderId, ct) = (context.Message.OrderId, context.CancellationToken);
        var journal = new TransactionalPaymentJournal(session);
        var payments = await journal.LoadAsync(orderId, ct);
        if (payments is not null && DepositView.Of(payments) is { Status: not DepositStatus.Declined } deposit)
        {
            var engine = new PaymentEngine(journal, connectors, clock);
            var voids = new VoidRequest($"{RequestKey}.void", RequestKey, deposit.TenderLineId);
            payments = await engine.RunAsync(orderId, null, (s, now) => VoidPlan.Next(s, voids, now), ct);
            var capture = payments.Line(deposit.TenderLineId).Captures.FirstOrDefault(c => c.RequestKey == DepositView.RequestKey);
            var amount = (capture?.Refundable ?? 0m) + payments.RefundedFor(RequestKey); // the same on a redelivery
            if (capture is not null && amount > 0)
            {
                var refund = new RefundRequest(RequestKey, RequestKey, amount, capture.Token);
                payments = await engine.RunAsync(orderId, null, (s, now) => RefundPlan.Next(s, refund, now), ct);
            }
            await session.SaveChangesAsync(ct);
        }
        await context.Publish(new DepositRefunded { OrderId = orderId, Amount = payments?.RefundedFor(RequestKey) ?? 0m });
    }
}
