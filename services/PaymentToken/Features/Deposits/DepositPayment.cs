namespace OmniChannel.PaymentToken.Features.Deposits;

public enum DepositStatus { Captured, Declined, Refunded }

/// <summary>
/// An order's deposit as the processor answered it: one per order, so a redelivered request neither charges twice
/// nor forgets a decline. Tokens only: no card number reaches this service (PAY-12).
/// </summary>
public sealed record DepositPayment(
    Guid Id,
    string ConfirmationNumber,
    string StoreId,
    string TenderTypeId,
    string CardTypeId,
    string ConnectorId,
    string CardToken,
    decimal Amount,
    string Currency,
    DepositStatus Status,
    string? AuthorizationToken,
    string? CaptureToken,
    string? DeclineCode,
    string? DeclineReason,
    decimal RefundedAmount,
    DateTimeOffset At);
