using OmniChannel.Contracts.Inventory;

namespace OmniChannel.InventoryAllocation.Features.Reservations;

/// <summary>Issued: every reserved unit left with a pickup or a shipment.</summary>
public enum ReservationStatus { Active, Refused, Released, Issued }

/// <summary>
/// INV-7: what an order holds (or was refused); one per order, so a redelivered request changes nothing twice.
/// <see cref="Issues"/>: the goods that left with a pickup or a shipment (PUP-4, PAY-6), no longer held;
/// <see cref="Releases"/>: units of lines cancelled while the order stays open (ORD-7), given back, no longer held either.
/// </summary>
public sealed record Reservation(
    Guid Id,
    string ConfirmationNumber,
    ReservationStatus Status,
    IReadOnlyList<ReservationLine> Lines,
    string? RefusalCode,
    string? RefusalReason,
    DateTimeOffset At,
    IReadOnlyList<StockIssue>? Issues = null,
    IReadOnlyList<LineAllocation>? Allocations = null,
    string? CustomerId = null,
    IReadOnlyList<StockLineRelease>? Releases = null)
{
    public int IssuedOf(int lineId) => (Issues ?? []).SelectMany(i => i.Lines).Where(l => l.LineId == lineId).Sum(l => l.Quantity);

    /// <summary>ORD-7: the line's units given back by line cancellations.</summary>
    public int ReleasedOf(int lineId) => (Releases ?? []).SelectMany(r => r.Lines).Where(l => l.LineId == lineId).Sum(l => l.Quantity);

    /// <summary>The line's units no longer held: issued or released.</summary>
    public int GoneOf(int lineId) => IssuedOf(lineId) + ReleasedOf(lineId);

    /// <summary>What the line still holds: its quantity less what was issued or released.</summary>
    public IReadOnlyList<ReservationLine> Held => Lines.Select(l => l with { Quantity = l.Quantity - GoneOf(l.LineId) })
        .Where(l => l.Quantity > 0).ToList();

    public int AllocatedOf(int lineId) => (Allocations ?? []).Where(a => a.LineId == lineId).Sum(a => a.Quantity);

    /// <summary>
    /// INV-4: what the line still holds of its allocated units. A run allocates a line's whole held quantity and goods leave
    /// from the allocated units first, so that is the smaller of what is held and what was allocated.
    /// </summary>
    public int AllocatedHeld(int lineId) =>
        Math.Min(Lines.Where(l => l.LineId == lineId).Sum(l => l.Quantity) - GoneOf(lineId), AllocatedOf(lineId));
}

/// <summary>INV-4: the units of one line an allocation run confirmed.</summary>
public sealed record LineAllocation(int LineId, int Quantity, string RunId, DateTimeOffset At);

public sealed record StockIssue(string FulfillmentId, IReadOnlyList<IssuedLine> Lines, DateTimeOffset At);

/// <summary>ORD-7: units of an order's lines given back under one line cancellation (<see cref="ReleaseId"/>).</summary>
public sealed record StockLineRelease(string ReleaseId, IReadOnlyList<ReleasedLine> Lines, DateTimeOffset At);
