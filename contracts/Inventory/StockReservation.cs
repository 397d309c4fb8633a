namespace OmniChannel.Contracts.Inventory;

public enum ReservationKind { Ship, Pickup, CarryOut }

/// <summary>One order line's claim on stock at one location (INV-7).</summary>
public sealed record ReservationLine
{
    public required int LineId { get; init; }
    public required string Sku { get; init; }
    public required int Quantity { get; init; }
    public required string LocationId { get; init; }
    public required ReservationKind Kind { get; init; }
}

/// <summary>
/// INV-7: reserve every ship and pickup line at its location and take carry-out lines from the store's stock at once,
/// all or nothing. Answered by <see cref="StockReserved"/> or <see cref="StockReservationFailed"/>.
/// </summary>
public sealed record ReserveStock
{
    public required Guid OrderId { get; init; }
    public required string ConfirmationNumber { get; init; }
    public required IReadOnlyList<ReservationLine> Lines { get; init; }
}

public sealed record StockReserved
{
    public required Guid OrderId { get; init; }
    public required string ReservationId { get; init; }
}

public sealed record StockReservationFailed
{
    public required Guid OrderId { get; init; }
    public required string Code { get; init; }
    public required string Reason { get; init; }
}

/// <summary>Compensation: give back everything the order's reservation holds (carry-out stock included). Idempotent.</summary>
public sealed record ReleaseStock
{
    public required Guid OrderId { get; init; }
    public required string Reason { get; init; }
}

public sealed record StockReleased
{
    public required Guid OrderId { get; init; }
}
