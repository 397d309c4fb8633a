namespace OmniChannel.PaymentToken.Payments;

/// <summary>
/// The order's money in one place. Every authorized cent is captured, voided, expired (released by the processor) or
/// still open, and nothing is refunded beyond what was captured: money neither appears nor disappears.
/// </summary>
public sealed record LedgerTotals(
    decimal Authorized,
    decimal Captured,
    decimal Voided,
    decimal Expired,
    decimal OpenAuthorizations,
    decimal Refunded,
    decimal NetCaptured,
    decimal Prepaid,
    decimal AwaitingReauthorization,
    bool Reconciles)
{
    public static LedgerTotals Of(OrderPayments payments)
    {
        var authorizations = payments.Tenders.SelectMany(t => t.Authorizations).ToList();
        var captures = payments.Tenders.SelectMany(t => t.Captures).ToList();
        var authorized = authorizations.Sum(a => a.Amount);
        var captured = captures.Sum(c => c.Amount);
        var voided = authorizations.Sum(a => a.Voided);
        var expired = authorizations.Sum(a => a.Lapsed);
        var open = authorizations.Sum(a => a.Open);
        var refunded = payments.Refunds.Sum(r => r.Amount);

        var reconciles = authorizations.All(a => a.Open >= 0)
                         && captured == authorizations.Sum(a => a.Captured)
                         && authorized == captured + voided + expired + open
                         && captures.All(c => c.Refunded >= 0 && c.Refunded <= c.Amount)
                         && refunded == captures.Sum(c => c.Refunded);
        return new LedgerTotals(authorized, captured, voided, expired, open, refunded, captured - refunded, PrepaidOf(payments),
            payments.Tenders.Where(t => t.UnusableCode is null).Sum(t => t.PendingReauthorization), reconciles);
    }

    /// <summary>
    /// What was paid ahead of fulfillment and still held: deposits, and prepayments (PAY-4: a call-center payment counts
    /// only as a prepayment). A cancellation refunds this minus its charge (ORD-8, PAY-11).
    /// </summary>
    public static decimal PrepaidOf(OrderPayments payments) => payments.Tenders
        .SelectMany(t => t.Captures)
        .Where(c => c.Purpose is TenderPurpose.Deposit or TenderPurpose.Prepayment)
        .Sum(c => c.Refundable);
}
