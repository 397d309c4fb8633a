namespace OmniChannel.ProcessorEmulator;

/// <summary>
/// The processor's answer to one operation. <see cref="Token"/> is the card, authorization, capture or refund token
/// the operation produced; <see cref="Code"/> and <see cref="Reason"/> say why it was refused.
/// </summary>
public sealed record ProcessorResult(
    bool Approved,
    string? Token = null,
    decimal Amount = 0m,
    DateTimeOffset? ExpiresAt = null,
    bool RecurringToken = false,
    string? CardTypeId = null,
    string? Code = null,
    string? Reason = null)
{
    public static ProcessorResult Decline(string code, string reason) => new(false, Code: code, Reason: reason);
}

/// <summary>A card token the emulator issued: bound to the merchant that received it; the card number is not kept (PAY-12).</summary>
public sealed record CardRecord(string Token, string MerchantId, string CardTypeId, string Last4, CardBehaviour Behaviour, DateTimeOffset IssuedAt);

public sealed record AuthorizationRecord(
    string Token,
    string MerchantId,
    string CardToken,
    decimal Amount,
    decimal Captured,
    bool Voided,
    bool CardPresent,
    bool StoredCredential,
    bool CaptureFails,
    DateTimeOffset AuthorizedAt,
    DateTimeOffset ExpiresAt)
{
    public decimal Remaining => Voided ? 0m : Amount - Captured;
}

public sealed record CaptureRecord(string Token, string MerchantId, string AuthorizationToken, decimal Amount, decimal Refunded, DateTimeOffset CapturedAt);

/// <summary>One operation as the processor kept it under its idempotency key: what was asked and what was answered.</summary>
public sealed record ProcessorOperation(string MerchantId, string Key, string Fingerprint, ProcessorResult Answer)
{
    /// <summary>authorize, capture, void, refund or tokenize: the fingerprint's first part (the rest, a card token among it, stays here).</summary>
    public string Kind => Fingerprint.Split('|')[0];
}
