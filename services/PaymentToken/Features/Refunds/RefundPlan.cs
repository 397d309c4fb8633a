using OmniChannel.PaymentToken.Payments;

namespace OmniChannel.PaymentToken.Features.Refunds;

/// <param name="CaptureToken">Refund this capture only; otherwise the most recent captures first.</param>
/// <param name="PrepaidOnly">Refund only deposits and prepayments (a cancellation gives back what was paid ahead).</param>
public sealed record RefundRequest(string RequestKey, string Fingerprint, decimal Amount, string? CaptureToken, bool PrepaidOnly = false);

public sealed record RefundedTender(int TenderLineId, string CaptureToken, string RefundToken, decimal Amount);

/// <summary>What one refund request did, against which capture tokens.</summary>
public sealed record RefundResult(Guid OrderId, decimal Requested, decimal Refunded, decimal NotRefunded, string? Code, string? Reason,
    IReadOnlyList<RefundedTender> Refunds, LedgerTotals Totals)
{
    public static RefundResult Of(OrderPayments payments, RequestCompleted done) => new(payments.Id, done.Requested, done.Done, done.Shortfall,
        done.Code, done.Reason,
        payments.Refunds.Where(r => r.RequestKey == done.RequestKey).Select(r => new RefundedTender(r.TenderLineId, r.CaptureToken, r.Token, r.Amount)).ToList(),
        LedgerTotals.Of(payments));
}

/// <summary>
/// PAY-11: a refund always references a capture token, and goes through the connector of the tender line that
/// captured it (PAY-1). An amount larger than one capture is spread over the captures, most recent first.
/// </summary>
public static class RefundPlan
{
    public const string Operation = "refund";

    public static decimal Refundable(OrderPayments s, string? captureToken) =>
        s.Tenders.SelectMany(t => t.Captures).Where(c => captureToken is null || c.Token == captureToken).Sum(c => c.Refundable);

    public static PaymentStep Next(OrderPayments s, RefundRequest r, DateTimeOffset now)
    {
        if (s.Completed(r.RequestKey) is not null)
            return PaymentStep.Finished;
        var refunded = s.RefundedFor(r.RequestKey);
        var remaining = r.Amount - refunded;

        var next = s.Tenders
            .SelectMany(line => line.Captures.Select(capture => (line, capture)))
            .Where(x => x.capture.Refundable > 0 && (r.CaptureToken is null || x.capture.Token == r.CaptureToken))
            .Where(x => !r.PrepaidOnly || x.capture.Purpose is TenderPurpose.Deposit or TenderPurpose.Prepayment)
            .Where(x => s.Failure(r.RequestKey, x.line.Id, CallKind.Refund, x.capture.Token) is null)
            .OrderByDescending(x => x.capture.At)
            .FirstOrDefault();
        if (remaining > 0 && next.capture is { } capture)
            return PaymentStep.Ask(new ProcessorCall(s.KeyFor(r.RequestKey, next.line.Id, CallKind.Refund), CallKind.Refund, r.RequestKey,
                next.line.Id, Math.Min(capture.Refundable, remaining), capture.Token, capture.Purpose));

        var failure = s.Failures.LastOrDefault(f => f.RequestKey == r.RequestKey && f.Kind == CallKind.Refund);
        return PaymentStep.Record(new RequestCompleted(r.RequestKey, Operation, r.Fingerprint, r.Amount, refunded, remaining,
            remaining > 0 ? failure?.Code ?? "refund.incomplete" : null, remaining > 0 ? failure?.Reason ?? "Nothing left to refund." : null, now));
    }
}
