namespace OmniChannel.PaymentToken.Features.Deposits;

public enum DepositStatus { Captured, Declined, Refunded }

/// <summary>
/// How deposits were kept before the order's payment stream (one document per order). Still read by
/// GET .../deposit for deposits taken before the migration; never written.
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
