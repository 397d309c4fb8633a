using OmniChannel.PaymentToken.Payments;

namespace OmniChannel.PaymentToken.Features.Captures;

/// <summary>Capture what the goods being handed over (pickup) or invoiced (shipped lines) cost, from the order's tenders.</summary>
/// <param name="PreferredTenderLineId">PAY-8: a different card the customer chose at pickup, captured before the others.</param>
public sealed record CaptureRequest(string RequestKey, string Fingerprint, TenderPurpose Purpose, decimal Amount, int? PreferredTenderLineId = null);

public sealed record CapturedTender(int TenderLineId, string CaptureToken, string AuthorizationToken, decimal Amount);

/// <summary>What one capture request did: captured, still due, and whether the terminal must take a new payment.</summary>
public sealed record FulfillmentCaptureResult(Guid OrderId, TenderPurpose Purpose, decimal AmountDue, decimal Captured, decimal BalanceDue,
    bool NewTenderRequired, string? Code, string? Reason, IReadOnlyList<CapturedTender> Captures, LedgerTotals Totals)
{
    public static FulfillmentCaptureResult Of(OrderPayments payments, RequestCompleted done) => new(payments.Id,
        payments.Tenders.SelectMany(t => t.Captures).FirstOrDefault(c => c.RequestKey == done.RequestKey)?.Purpose ?? TenderPurpose.Pickup,
        done.Requested, done.Done, done.Shortfall, done.Code == CapturePlan.NewTenderRequired, done.Code, done.Reason,
        payments.Tenders.SelectMany(t => t.Captures.Where(c => c.RequestKey == done.RequestKey)
            .Select(c => new CapturedTender(t.Id, c.Token, c.AuthorizationToken, c.Amount))).ToList(),
        LedgerTotals.Of(payments));
}

/// <summary>
/// "Use available payment method" (PAY-3, PAY-4, PAY-6, PAY-8, PAY-9, PAY-10): the order's card tender lines are
/// captured in turn, oldest first, until the amount due is met; the cashier does not choose the card, except a different
/// card the customer hands over at pickup, which is captured first (PAY-8). A still-valid
/// authorization is captured (also by a returning customer, PAY-8). An expired one is released and re-authorized with
/// the card token, then captured; a capture the processor refuses voids the authorization and is re-authorized the
/// same way (PAY-9). When that is impossible (no recurring token, declined, fails again) the line is given up, and
/// whatever is still due is reported with <c>payment.new_tender_required</c>: the terminal takes a new payment.
/// </summary>
public static class CapturePlan
{
    public const string Operation = "capture";
    public const string NewTenderRequired = "payment.new_tender_required";

    public static PaymentStep Next(OrderPayments s, CaptureRequest r, DateTimeOffset now)
    {
        if (s.Completed(r.RequestKey) is not null)
            return PaymentStep.Finished;
        var captured = s.CapturedFor(r.RequestKey);
        var remaining = r.Amount - captured;

        foreach (var line in s.Tenders.Where(t => t.UnusableCode is null && remaining > 0).OrderBy(t => t.Id != r.PreferredTenderLineId).ThenBy(t => t.Id))
        {
            if (line.Current is { Open: > 0 } auth)
            {
                if (!auth.IsValidAt(now))
                    return PaymentStep.Record(new AuthorizationLapsed(line.Id, auth.Token, auth.Open, "authorization.expired", Reauthorize: true,
                        null, r.RequestKey, now));
                if (s.Failure(r.RequestKey, line.Id, CallKind.Capture, auth.Token) is not null)
                    return Ask(s, r, line, CallKind.Void, auth.Open, auth.Token, reauthorize: true);
                return Ask(s, r, line, CallKind.Capture, Math.Min(auth.Open, remaining), auth.Token);
            }
            if (line.PendingReauthorization > 0)
            {
                if (!line.RecurringToken)
                    return GiveUp(line, r, "card.token_not_recurring", "The card token cannot be charged without the card.", now);
                if (line.ReauthorizedFor.Contains(r.RequestKey))
                    return GiveUp(line, r, LastFailure(s, r, line) ?? "capture.failed", "The re-authorized amount could not be captured.", now);
                return Ask(s, r, line, CallKind.Reauthorize, line.PendingReauthorization, line.Tender.CardToken);
            }
        }

        return PaymentStep.Record(new RequestCompleted(r.RequestKey, Operation, r.Fingerprint, r.Amount, captured, remaining,
            remaining > 0 ? NewTenderRequired : null,
            remaining > 0 ? $"{remaining:0.00} could not be captured from the order's cards: take a new payment." : null, now));
    }

    private static PaymentStep Ask(OrderPayments s, CaptureRequest r, TenderLine line, CallKind kind, decimal amount, string token,
        bool reauthorize = false) =>
        PaymentStep.Ask(new ProcessorCall(s.KeyFor(r.RequestKey, line.Id, kind), kind, r.RequestKey, line.Id, amount, token, r.Purpose,
            Reauthorize: reauthorize));

    private static PaymentStep GiveUp(TenderLine line, CaptureRequest r, string code, string reason, DateTimeOffset now) =>
        PaymentStep.Record(new ReauthorizationFailed(line.Id, line.PendingReauthorization, code, reason, null, r.RequestKey, now));

    private static string? LastFailure(OrderPayments s, CaptureRequest r, TenderLine line) =>
        s.Failures.LastOrDefault(f => f.RequestKey == r.RequestKey && f.TenderLineId == line.Id)?.Code;
}
