using Marten;
using MassTransit;
using OmniChannel.Contracts.Payment;
using OmniChannel.PaymentToken.Connectors;
using OmniChannel.PaymentToken.Payments;

namespace OmniChannel.PaymentToken.Features.Cancellation;

/// <summary>ORD-8 / PAY-11 for the Order saga: the cancellation plan in the message's transaction, keyed by (OrderId, CancellationId).</summary>
public sealed class SettleCancelledOrderPaymentsConsumer(IDocumentSession session, IConnectors connectors, TimeProvider clock)
    : IConsumer<SettleCancelledOrderPayments>
{
    public async Task Consume(ConsumeContext<SettleCancelledOrderPayments> context)
    {
        var (m, ct) = (context.Message, context.CancellationToken);
        var key = $"cancellation.{new string(m.CancellationId.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_').Take(60).ToArray())}";
        var journal = new TransactionalPaymentJournal(session);
        var payments = await journal.LoadAsync(m.OrderId, ct);
        if (payments is not null)
        {
            var charge = Math.Max(0m, Money.Round(m.CancellationCharge, payments.Currency));
            payments = await new PaymentEngine(journal, connectors, clock)
                .RunAsync(m.OrderId, null, (s, now) => CancellationPlan.Next(s, key, $"cancellation|{charge}", charge, now), ct);
            await session.SaveChangesAsync(ct);
        }
        await context.Publish(new OrderPaymentsSettled
        {
            OrderId = m.OrderId, CancellationId = m.CancellationId,
            Refunded = payments?.RefundedFor(CancellationPlan.RefundKey(key)) ?? 0m,
            Retained = payments is null ? 0m : LedgerTotals.PrepaidOf(payments),
        });
    }
}
