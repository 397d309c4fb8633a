using OmniChannel.PaymentToken.Features.Refunds;
using OmniChannel.PaymentToken.Features.Voids;
using OmniChannel.PaymentToken.Payments;

namespace OmniChannel.PaymentToken.Features.Cancellation;

/// <summary>
/// ORD-8 / PAY-11: a cancelled order releases every open authorization and gets back what was paid ahead (deposits
/// and prepayments; PAY-4: call-center payments count only as prepayments) minus the cancellation charge, refunded
/// against the capture tokens.
/// </summary>
public static class CancellationPlan
{
    public static string VoidKey(string key) => $"{key}.void";

    public static string RefundKey(string key) => $"{key}.refund";

    public static PaymentStep Next(OrderPayments s, string key, string fingerprint, decimal charge, DateTimeOffset now)
    {
        if (s.Completed(VoidKey(key)) is null)
            return VoidPlan.Next(s, new VoidRequest(VoidKey(key), fingerprint, null), now);
        // What this request refunds is decided from what was prepaid before it: the same on every retry.
        var prepaid = LedgerTotals.PrepaidOf(s) + s.RefundedFor(RefundKey(key));
        var refund = Math.Max(0m, prepaid - charge);
        if (refund == 0m)
            return s.Completed(RefundKey(key)) is null
                ? PaymentStep.Record(new RequestCompleted(RefundKey(key), RefundPlan.Operation, fingerprint, 0m, 0m, 0m, null, null, now))
                : PaymentStep.Finished;
        return RefundPlan.Next(s, new RefundRequest(RefundKey(key), fingerprint, refund, null, PrepaidOnly: true), now);
    }
}
