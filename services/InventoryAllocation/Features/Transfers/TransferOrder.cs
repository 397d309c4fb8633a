namespace OmniChannel.InventoryAllocation.Features.Transfers;

public enum TransferStatus { Scheduled, Shipped, Received }

public sealed record TransferLine(string Sku, int Quantity);

/// <summary>
/// INV-1: goods moved from one warehouse to another. Scheduled, its units are the sender's scheduled outbound; shipped,
/// they are in transit to the receiver; received, on hand there. Its number is the caller's, so a repeated create is a replay.
/// </summary>
public sealed record TransferOrder(
    string Id,
    string FromLocationId,
    string ToLocationId,
    IReadOnlyList<TransferLine> Lines,
    TransferStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ShippedAt = null,
    DateTimeOffset? ReceivedAt = null);

public sealed record CreateTransferRequest(string? Number, string? FromLocationId, string? ToLocationId, IReadOnlyList<TransferLine>? Lines);
