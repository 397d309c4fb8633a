namespace OmniChannel.PaymentToken.Payments;

// The events of an order's payment stream (keyed by OrderId, schema "payment"). Each outcome of a processor call
// names the call's key, which resolves the journaled call; RequestKey is the terminal's Idempotency-Key (or the
// message's operation) the event belongs to.

public sealed record PaymentsOpened(Guid OrderId, string? ConfirmationNumber, string Currency, DateTimeOffset At);

public sealed record ProcessorCallStarted(ProcessorCall Call, DateTimeOffset At);

public sealed record TenderAuthorized(int TenderLineId, CardTender Tender, decimal Amount, string AuthorizationToken, DateTimeOffset ExpiresAt,
    bool RecurringToken, string CallKey, string RequestKey, DateTimeOffset At);

public sealed record TenderDeclined(int TenderLineId, CardTender Tender, decimal Amount, string Code, string Reason, string? CallKey,
    string RequestKey, DateTimeOffset At);

public sealed record TenderReauthorized(int TenderLineId, decimal Amount, string AuthorizationToken, DateTimeOffset ExpiresAt, string CallKey,
    string RequestKey, DateTimeOffset At);

/// <summary>The line cannot be charged again without the card (declined, not recurring, or given up): its released amount is gone.</summary>
public sealed record ReauthorizationFailed(int TenderLineId, decimal Amount, string Code, string Reason, string? CallKey, string RequestKey,
    DateTimeOffset At);

public sealed record TenderCaptured(int TenderLineId, string AuthorizationToken, decimal Amount, string CaptureToken, TenderPurpose Purpose,
    string CallKey, string RequestKey, DateTimeOffset At);

public sealed record CaptureFailed(int TenderLineId, string AuthorizationToken, decimal Amount, string Code, string Reason, string CallKey,
    string RequestKey, DateTimeOffset At);

public sealed record AuthorizationVoided(int TenderLineId, string AuthorizationToken, decimal Amount, bool Reauthorize, string CallKey,
    string RequestKey, DateTimeOffset At);

/// <summary>The processor no longer holds what the authorization had left (expired, or unknown to it): released without a void.</summary>
public sealed record AuthorizationLapsed(int TenderLineId, string AuthorizationToken, decimal Amount, string Code, bool Reauthorize,
    string? CallKey, string RequestKey, DateTimeOffset At);

public sealed record TenderRefunded(int TenderLineId, string CaptureToken, decimal Amount, string RefundToken, string CallKey, string RequestKey,
    DateTimeOffset At);

public sealed record RefundFailed(int TenderLineId, string CaptureToken, decimal Amount, string Code, string Reason, string CallKey,
    string RequestKey, DateTimeOffset At);

/// <summary>A terminal's (or a message's) request is done: what was asked, what was done, what is left, and why.</summary>
public sealed record RequestCompleted(string RequestKey, string Operation, string Fingerprint, decimal Requested, decimal Done, decimal Shortfall,
    string? Code, string? Reason, DateTimeOffset At);

public static class PaymentEvents
{
    public static readonly Type[] All =
    [
        typeof(PaymentsOpened), typeof(ProcessorCallStarted), typeof(TenderAuthorized), typeof(TenderDeclined), typeof(TenderReauthorized),
        typeof(ReauthorizationFailed), typeof(TenderCaptured), typeof(CaptureFailed), typeof(AuthorizationVoided), typeof(AuthorizationLapsed),
        typeof(TenderRefunded), typeof(RefundFailed), typeof(RequestCompleted),
    ];
}
