namespace OmniChannel.Contracts.Inventory;

/// <summary>
/// ORD-7 / PUP-2: some units of an order's lines were cancelled while the rest of the order stays open: those units of
/// its reservation go back at their location (reserved down, available up), never more than the line still holds (not
/// issued, not released). Idempotent per (OrderId, ReleaseId); nothing answers it. The whole order's release stays
/// <see cref="ReleaseStock"/>.
/// </summary>
public sealed record ReleaseStockLines
{
    public required Guid OrderId { get; init; }

    /// <summary>The order's line cancellation id: a repeated request with it changes nothing.</summary>
    public required string ReleaseId { get; init; }

    public required IReadOnlyList<ReleasedLine> Lines { get; init; }
}

public sealed record ReleasedLine
{
    public required int LineId { get; init; }
    public required string Sku { get; init; }
    public required int Quantity { get; init; }
}
