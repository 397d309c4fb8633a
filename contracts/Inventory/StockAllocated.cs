namespace OmniChannel.Contracts.Inventory;

/// <summary>
/// INV-4: an allocation run confirmed these ship lines of the order at their warehouses: they will ship. Published once per
/// order and run through the outbox; the Order service keeps it on the order (idempotent by <see cref="RunId"/>).
/// </summary>
public sealed record StockAllocated
{
    public required Guid OrderId { get; init; }
    public required string ConfirmationNumber { get; init; }
    public required string RunId { get; init; }
    public required IReadOnlyList<AllocatedLine> Lines { get; init; }
    public required DateTimeOffset AllocatedAt { get; init; }
}

public sealed record AllocatedLine
{
    public required int LineId { get; init; }
    public required int Quantity { get; init; }
    public required string LocationId { get; init; }
}
