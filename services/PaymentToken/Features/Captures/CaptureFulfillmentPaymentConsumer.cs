using Marten;
using MassTransit;
using OmniChannel.Contracts.Payment;
using OmniChannel.PaymentToken.Connectors;
using OmniChannel.PaymentToken.Payments;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.PaymentToken.Features.Captures;

/// <summary>
/// The Order saga's way to "use available payment method" at pickup (PUP-4) or invoicing (PAY-6): the plan that captures
/// what the goods cost (the only way a capture is made after order time), in the message's transaction, with processor keys derived from (OrderId, FulfillmentId).
/// </summary>
public sealed class CaptureFulfillmentPaymentConsumer(IDocumentSession session, IConnectors connectors, TimeProvider clock)
    : IConsumer<CaptureFulfillmentPayment>
{
    public async Task Consume(ConsumeContext<CaptureFulfillmentPayment> context)
    {
        var (m, ct) = (context.Message, context.CancellationToken);
        var key = $"fulfillment.{m.FulfillmentId}";
        TenderPurpose? purpose = m.Purpose switch { FulfillmentPurpose.Pickup => TenderPurpose.Pickup, FulfillmentPurpose.Invoice => TenderPurpose.Invoice, _ => null };
        if (purpose is not { } tenderPurpose
            || !CurrencyCode.IsValid(m.Currency) || !Money.IsValidAmount(m.Amount, m.Currency) || m.FulfillmentId.Length > 60
            || !m.FulfillmentId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            await context.Publish(Failed(m, 0m, "capture.request_invalid", "A positive amount in the currency's minor units, a plain FulfillmentId."));
            return;
        }

        var journal = new TransactionalPaymentJournal(session);
        switch (await journal.LoadAsync(m.OrderId, ct))
        {
            case null:
                await context.Publish(Failed(m, 0m, CapturePlan.NewTenderRequired, "The order has no card tenders: take a payment."));
                return;
            case { Currency: var currency } when currency != m.Currency:
                await context.Publish(Failed(m, 0m, "capture.request_invalid", $"The order's payments are in {currency}, not {m.Currency}."));
                return;
        }
        var request = new CaptureRequest(key, $"{tenderPurpose}|{m.Amount}|{m.PreferredTenderLineId}", tenderPurpose, m.Amount, m.PreferredTenderLineId);
        var payments = await new PaymentEngine(journal, connectors, clock).RunAsync(m.OrderId, null, (s, now) => CapturePlan.Next(s, request, now), ct);
        await session.SaveChangesAsync(ct);

        var done = payments.Completed(key)!;
        if (done.Code is null)
            await context.Publish(new FulfillmentPaymentCaptured
            {
                OrderId = m.OrderId, FulfillmentId = m.FulfillmentId, Captured = done.Done,
                CaptureTokens = payments.Tenders.SelectMany(t => t.Captures).Where(c => c.RequestKey == key).Select(c => c.Token).ToList(),
            });
        else
            await context.Publish(Failed(m, done.Done, done.Code, done.Reason ?? "", done.Shortfall));
    }

    private static FulfillmentPaymentFailed Failed(CaptureFulfillmentPayment m, decimal captured, string code, string reason, decimal? balance = null) =>
        new() { OrderId = m.OrderId, FulfillmentId = m.FulfillmentId, Captured = captured, BalanceDue = balance ?? m.Amount, Code = code, Reason = reason };
}
