namespace OmniChannel.PaymentToken.Connectors;

/// <summary>
/// The processor's decision on one operation. <see cref="Token"/> is the card, authorization, capture or refund token
/// the operation produced; <see cref="Code"/> and <see cref="Reason"/> say why it was refused. Only a decision is a
/// result: a call whose outcome is unknown (timeout, no connection, a server error) throws instead.
/// </summary>
public sealed record ProcessorResult(
    bool Approved,
    string? Token = null,
    decimal Amount = 0m,
    DateTimeOffset? ExpiresAt = null,
    bool RecurringToken = false,
    string? Code = null,
    string? Reason = null)
{
    public static ProcessorResult Decline(string code, string reason) => new(false, Code: code, Reason: reason);
}

/// <summary>One operation as the processor kept it under its idempotency key: its kind (authorize, capture, void, refund) and its answer.</summary>
public sealed record ProcessorOperation(string Key, string Kind, ProcessorResult Answer);
