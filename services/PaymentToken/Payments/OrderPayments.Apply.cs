namespace OmniChannel.PaymentToken.Payments;

public sealed partial record OrderPayments
{
    public static OrderPayments Create(PaymentsOpened e) => new(e.OrderId, e.ConfirmationNumber, e.Currency, [], [], [], [], [], [], [], e.At);

    /// <summary>One event applied to the state: what Marten's inline snapshot does, for journals without Marten.</summary>
    public static OrderPayments Fold(OrderPayments? state, object e) => e switch
    {
        PaymentsOpened opened => Create(opened),
        ProcessorCallStarted x => state!.Apply(x),
        TenderAuthorized x => state!.Apply(x),
        TenderDeclined x => state!.Apply(x),
        TenderReauthorized x => state!.Apply(x),
        ReauthorizationFailed x => state!.Apply(x),
        TenderCaptured x => state!.Apply(x),
        CaptureFailed x => state!.Apply(x),
        AuthorizationVoided x => state!.Apply(x),
        AuthorizationLapsed x => state!.Apply(x),
        TenderRefunded x => state!.Apply(x),
        RefundFailed x => state!.Apply(x),
        RequestCompleted x => state!.Apply(x),
        _ => state!,
    };

    public OrderPayments Apply(ProcessorCallStarted e) => this with { Pending = [.. Pending, e.Call], UpdatedAt = e.At };

    public OrderPayments Apply(TenderAuthorized e) => Resolved(e.CallKey, e.At) with
    {
        Tenders = [.. Tenders, new TenderLine(e.TenderLineId, e.Tender, e.RecurringToken, e.RequestKey,
            [new Authorization(e.AuthorizationToken, e.Amount, e.ExpiresAt)], [], [])],
    };

    public OrderPayments Apply(TenderDeclined e) => Resolved(e.CallKey, e.At) with
    {
        Declined = [.. Declined, new DeclinedTender(e.TenderLineId, e.Tender, e.Amount, e.Code, e.Reason, e.RequestKey, e.At)],
    };

    public OrderPayments Apply(TenderReauthorized e) => Resolved(e.CallKey, e.At).WithLine(e.TenderLineId, line => line with
    {
        Authorizations = [.. line.Authorizations, new Authorization(e.AuthorizationToken, e.Amount, e.ExpiresAt)],
        PendingReauthorization = Math.Max(0m, line.PendingReauthorization - e.Amount),
        ReauthorizedFor = [.. line.ReauthorizedFor, e.RequestKey],
    });

    public OrderPayments Apply(ReauthorizationFailed e) => Resolved(e.CallKey, e.At).WithLine(e.TenderLineId, line => line with
    {
        PendingReauthorization = 0m,
        UnusableCode = e.Code,
    });

    public OrderPayments Apply(TenderCaptured e) => Resolved(e.CallKey, e.At).WithLine(e.TenderLineId, line => line with
    {
        Authorizations = line.Authorizations.Select(a => a.Token == e.AuthorizationToken ? a with { Captured = a.Captured + e.Amount } : a).ToList(),
        Captures = [.. line.Captures, new Capture(e.CaptureToken, e.AuthorizationToken, e.Amount, e.Purpose, e.RequestKey, e.At)],
    });

    public OrderPayments Apply(CaptureFailed e) => Resolved(e.CallKey, e.At) with
    {
        Failures = [.. Failures, new CallFailure(e.RequestKey, e.TenderLineId, CallKind.Capture, e.AuthorizationToken, e.Code, e.Reason)],
    };

    public OrderPayments Apply(AuthorizationVoided e) => Resolved(e.CallKey, e.At).WithLine(e.TenderLineId, line => line with
    {
        Authorizations = line.Authorizations.Select(a => a.Token == e.AuthorizationToken ? a with { Voided = a.Voided + e.Amount } : a).ToList(),
        PendingReauthorization = line.PendingReauthorization + (e.Reauthorize ? e.Amount : 0m),
    });

    public OrderPayments Apply(AuthorizationLapsed e) => Resolved(e.CallKey, e.At).WithLine(e.TenderLineId, line => line with
    {
        Authorizations = line.Authorizations.Select(a => a.Token == e.AuthorizationToken ? a with { Lapsed = a.Lapsed + e.Amount } : a).ToList(),
        PendingReauthorization = line.PendingReauthorization + (e.Reauthorize ? e.Amount : 0m),
    });

    public OrderPayments Apply(TenderRefunded e) => Resolved(e.CallKey, e.At).WithLine(e.TenderLineId, line => line with
    {
        Captures = line.Captures.Select(c => c.Token == e.CaptureToken ? c with { Refunded = c.Refunded + e.Amount } : c).ToList(),
    }) with
    {
        Refunds = [.. Refunds, new Refund(e.TenderLineId, e.CaptureToken, e.Amount, e.RefundToken, e.RequestKey, e.At)],
    };

    public OrderPayments Apply(RefundFailed e) => Resolved(e.CallKey, e.At) with
    {
        Failures = [.. Failures, new CallFailure(e.RequestKey, e.TenderLineId, CallKind.Refund, e.CaptureToken, e.Code, e.Reason)],
    };

    public OrderPayments Apply(RequestCompleted e) => this with { Requests = [.. Requests, e], UpdatedAt = e.At };

    private OrderPayments Resolved(string? callKey, DateTimeOffset at) => callKey is null
        ? this with { UpdatedAt = at }
        : this with { Pending = Pending.Where(p => p.Key != callKey).ToList(), CallKeys = [.. CallKeys, callKey], UpdatedAt = at };

    private OrderPayments WithLine(int id, Func<TenderLine, TenderLine> change) =>
        this with { Tenders = Tenders.Select(t => t.Id == id ? change(t) : t).ToList() };
}
