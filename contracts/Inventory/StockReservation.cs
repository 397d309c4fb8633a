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

    /// <summary>INV-4 batch shipment: where a ship line goes (its address, normalised); orders of one customer to one address ship together.</summary>
    public string? ShipTo { get; init; }
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

    /// <summary>INV-4 batch shipment: whose orders are consolidated; null from a sender that predates it.</summary>
    public string? CustomerId { get; init; }
}

/// <summary>The reservation holds every line. Carries the order's confirmation number: the order's saga starts on this answer.</summary>
public sealed record StockReserved
{
    public required Guid OrderId { get; init; }
    public required string ConfirmationNumber { get; init; }
    public required string ReservationId { get; init; }
}

public sealed record StockReservationFailed
{
    public required Guid OrderId { get; init; }
    public required string ConfirmationNumber { get; init; }
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

/// <summary>
/// PUP-4 / PAY-6: reserved goods handed over at a pickup counter or shipped leave the location: its on-hand and reserved
/// quantities both go down, and the reservation remembers what was issued (a later release gives back only the rest).
/// Idempotent per (OrderId, FulfillmentId); nothing answers it.
/// </summary>
public sealed record IssueReservedStock
{
    public required Guid OrderId { get; init; }
    public required string FulfillmentId { get; init; }
    public required IReadOnlyList<IssuedLine> Lines { get; init; }
}

public sealed record IssuedLine
{
    public required int LineId { get; init; }
    public required int Quantity { get; init; }
}
