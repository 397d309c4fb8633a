namespace OmniChannel.Contracts.Payment;

/// <summary>
/// ORD-3: take the deposit from the card token now (authorize and capture through the card-present connector).
/// Answered by <see cref="DepositCaptured"/> or <see cref="DepositDeclined"/>. Idempotent per OrderId.
/// </summary>
public sealed record CaptureDeposit
{
    public required Guid OrderId { get; init; }
    public required string ConfirmationNumber { get; init; }
    public required string StoreId { get; init; }
    public required string TenderTypeId { get; init; }
    public required string CardTypeId { get; init; }
    public required string CardToken { get; init; }
    public required decimal Amount { get; init; }
    public required string Currency { get; init; }
}

public sealed record DepositCaptured
{
    public required Guid OrderId { get; init; }
    public required decimal Amount { get; init; }
    public required string AuthorizationToken { get; init; }
    public required string CaptureToken { get; init; }
}

public sealed record DepositDeclined
{
    public required Guid OrderId { get; init; }
    public required string Code { get; init; }
    public required string Reason { get; init; }
}

/// <summary>Compensation: give back a captured deposit in full (refund against the capture token). Idempotent.</summary>
public sealed record RefundDeposit
{
    public required Guid OrderId { get; init; }
    public required string Reason { get; init; }
}

public sealed record DepositRefunded
{
    public required Guid OrderId { get; init; }
    public required decimal Amount { get; init; }
}
