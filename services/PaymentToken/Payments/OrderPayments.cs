namespace OmniChannel.PaymentToken.Payments;

public sealed record Authorization(string Token, decimal Amount, DateTimeOffset ExpiresAt, decimal Captured = 0m, decimal Voided = 0m, decimal Lapsed = 0m)
{
    /// <summary>What the processor still holds for us on this authorization.</summary>
    public decimal Open => Amount - Captured - Voided - Lapsed;

    public bool IsValidAt(DateTimeOffset now) => now < ExpiresAt;
}

public sealed record Capture(string Token, string AuthorizationToken, decimal Amount, TenderPurpose Purpose, string RequestKey, DateTimeOffset At,
    decimal Refunded = 0m)
{
    public decimal Refundable => Amount - Refunded;
}

public sealed record Refund(int TenderLineId, string CaptureToken, decimal Amount, string Token, string RequestKey, DateTimeOffset At);

/// <summary>
/// A card tender of the order: its authorizations in order (the last is current; a re-authorization adds one), its
/// captures, what was released and waits to be re-authorized with the card token (PAY-9), and why it can no longer
/// be charged, if so.
/// </summary>
public sealed record TenderLine(
    int Id,
    CardTender Tender,
    bool RecurringToken,
    string RequestKey,
    IReadOnlyList<Authorization> Authorizations,
    IReadOnlyList<Capture> Captures,
    IReadOnlyList<string> ReauthorizedFor,
    decimal PendingReauthorization = 0m,
    string? UnusableCode = null)
{
    public Authorization? Current => Authorizations.Count == 0 ? null : Authorizations[^1];
}

public sealed record DeclinedTender(int TenderLineId, CardTender Tender, decimal Amount, string Code, string Reason, string RequestKey, DateTimeOffset At);

/// <summary>A call that was refused, remembered so a request does not ask the same thing twice.</summary>
public sealed record CallFailure(string RequestKey, int TenderLineId, CallKind Kind, string Token, string Code, string Reason);

/// <summary>An order's payments as its event stream tells them; immutable, rebuilt by applying the events in order.</summary>
public sealed partial record OrderPayments(
    Guid Id,
    string? ConfirmationNumber,
    string Currency,
    IReadOnlyList<TenderLine> Tenders,
    IReadOnlyList<DeclinedTender> Declined,
    IReadOnlyList<Refund> Refunds,
    IReadOnlyList<ProcessorCall> Pending,
    IReadOnlyList<CallFailure> Failures,
    IReadOnlyList<RequestCompleted> Requests,
    IReadOnlyList<string> CallKeys,
    DateTimeOffset UpdatedAt)
{
    public int NextTenderLineId =>
        1 + Tenders.Select(t => t.Id).Concat(Declined.Select(d => d.TenderLineId)).Concat(Pending.Select(p => p.TenderLineId)).DefaultIfEmpty(0).Max();

    public TenderLine Line(int id) => Tenders.Single(t => t.Id == id);

    public RequestCompleted? Completed(string requestKey) => Requests.FirstOrDefault(r => r.RequestKey == requestKey);

    public decimal CapturedFor(string requestKey) => Tenders.SelectMany(t => t.Captures).Where(c => c.RequestKey == requestKey).Sum(c => c.Amount);

    public decimal RefundedFor(string requestKey) => Refunds.Where(r => r.RequestKey == requestKey).Sum(r => r.Amount);

    public CallFailure? Failure(string requestKey, int lineId, CallKind kind, string token) =>
        Failures.LastOrDefault(f => f.RequestKey == requestKey && f.TenderLineId == lineId && f.Kind == kind && f.Token == token);

    /// <summary>
    /// The idempotency key of the next call of this kind on this line for this request: derived from the stream, so a
    /// retry of the same request from the same state asks the processor with the same key.
    /// </summary>
    public string KeyFor(string requestKey, int lineId, CallKind kind)
    {
        var prefix = $"{Id:N}:{requestKey}:{lineId}:{kind}:";
        return prefix + CallKeys.Concat(Pending.Select(p => p.Key)).Count(k => k.StartsWith(prefix, StringComparison.Ordinal));
    }
}
