using OmniChannel.Order.Orders;

namespace OmniChannel.Order.Features.CreateOrder;

public enum TransactionStatus { Received, Created }

/// <summary>
/// ORD-9: the terminal's transaction, stored durably before anything else under its Idempotency-Key. It holds the
/// validated order until the order's stream exists (real time, or the sync job), and answers a repeated key.
/// </summary>
public sealed record TerminalTransaction(
    string Id,
    string ConfirmationNumber,
    Guid OrderId,
    string RequestHash,
    ValidOrder Order,
    TransactionStatus Status,
    DateTimeOffset ReceivedAt,
    CreationPath? CreatedVia = null,
    DateTimeOffset? CreatedAt = null);
