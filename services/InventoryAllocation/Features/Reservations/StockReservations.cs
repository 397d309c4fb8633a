using OmniChannel.Contracts.Inventory;
using OmniChannel.InventoryAllocation.Features.Stock;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.InventoryAllocation.Features.Reservations;

/// <summary>
/// INV-7, pure: ship and pickup lines reserve stock at their location; carry-out takes it from the store's stock
/// at once; all lines or none. Releasing undoes exactly what reserving did. Each decision is the events to append to
/// the levels' streams; two lines of one SKU at one location see each other's units.
/// </summary>
public static class StockReservations
{
    public static (IReadOnlyList<StockChange> Changes, Refusal? Refusal) Reserve(
        IReadOnlyDictionary<string, StockLevel> levels, Guid orderId, IReadOnlyList<ReservationLine> lines)
    {
        var decided = new Decided(levels);
        foreach (var line in lines)
        {
            var id = StockLevel.IdFor(line.LocationId, line.Sku);
            if (decided.Level(id) is not { } level)
                return ([], new("stock.not_stocked", $"{line.Sku} is not stocked at {line.LocationId}."));
            if (line.Quantity <= 0)
                return ([], new("line.quantity_invalid", $"Line {line.LineId}: quantity must be at least 1."));
            if (level.Available < line.Quantity)
                return ([], new("stock.insufficient", $"{line.Sku} at {line.LocationId}: {level.Available} available, {line.Quantity} wanted."));
            decided.Add(id, line.Kind == ReservationKind.CarryOut
                ? new StockEvent.CarriedOut(orderId, line.LineId, line.Quantity)
                : new StockEvent.Reserved(orderId, line.LineId, line.Quantity));
        }
        return (decided.Changes, null);
    }

    /// <summary>Gives back what the lines still hold: reserved units become available, carried-out goods go back on the shelf.</summary>
    /// <param name="allocatedOf">INV-4: how many of a line's held units were allocated: they are no longer allocated either.</param>
    public static IReadOnlyList<StockChange> Release(Guid orderId, IReadOnlyList<ReservationLine> held, Func<int, int>? allocatedOf = null) => held
        .Select(line => new StockChange(StockLevel.IdFor(line.LocationId, line.Sku), line.Kind == ReservationKind.CarryOut
            ? new StockEvent.CarryOutReturned(orderId, line.LineId, line.Quantity)
            : new StockEvent.Released(orderId, line.LineId, line.Quantity, allocatedOf?.Invoke(line.LineId) ?? 0)))
        .ToList();

    /// <summary>
    /// PUP-4 / PAY-6: reserved units handed over or shipped leave the location: on hand and reserved both go down.
    /// Only ship and pickup lines are issued (carry-out stock left at once), never more than the line still holds.
    /// </summary>
    public static (IReadOnlyList<StockChange> Changes, Refusal? Refusal) Issue(Reservation reservation, string fulfillmentId, IReadOnlyList<IssuedLine> lines)
    {
        var changes = new List<StockChange>();
        foreach (var issued in lines.GroupBy(l => l.LineId, l => l.Quantity))
        {
            var line = reservation.Lines.FirstOrDefault(l => l.LineId == issued.Key && l.Kind != ReservationKind.CarryOut);
            if (line is null)
                return ([], new("issue.line_unknown", $"Line {issued.Key} holds no reserved stock."));
            var (quantity, held) = (issued.Sum(), line.Quantity - reservation.GoneOf(line.LineId));
            if (issued.Any(q => q <= 0) || quantity > held)
                return ([], new("issue.quantity_invalid", $"Line {issued.Key}: {quantity} to issue, {held} held."));
            // INV-4: goods leave from the line's allocated units first.
            var allocated = reservation.AllocatedHeld(line.LineId) - Math.Min(held - quantity, reservation.AllocatedOf(line.LineId));
            changes.Add(new(StockLevel.IdFor(line.LocationId, line.Sku),
                new StockEvent.Issued(reservation.Id, fulfillmentId, line.LineId, quantity, Math.Max(0, allocated))));
        }
        return (changes, null);
    }

    /// <summary>
    /// ORD-7: units of some lines cancelled while the order stays open go back: reserved down, available up (the event a
    /// whole release writes, its reason "released"). Only ship and pickup lines (carry-out goods left at once), never more
    /// than the line still holds; allocated units go back last, as goods leave from them first (INV-4).
    /// </summary>
    public static (IReadOnlyList<StockChange> Changes, Refusal? Refusal) ReleaseLines(Reservation reservation, IReadOnlyList<ReleasedLine> lines)
    {
        var changes = new List<StockChange>();
        foreach (var released in lines.GroupBy(l => l.LineId, l => l.Quantity))
        {
            var line = reservation.Lines.FirstOrDefault(l => l.LineId == released.Key && l.Kind != ReservationKind.CarryOut);
            if (line is null)
                return ([], new("release.line_unknown", $"Line {released.Key} holds no reserved stock."));
            var (quantity, held) = (released.Sum(), line.Quantity - reservation.GoneOf(line.LineId));
            if (released.Any(q => q <= 0) || quantity > held)
                return ([], new("release.quantity_invalid", $"Line {released.Key}: {quantity} to release, {held} held."));
            var allocated = reservation.AllocatedHeld(line.LineId) - Math.Min(held - quantity, reservation.AllocatedOf(line.LineId));
            changes.Add(new(StockLevel.IdFor(line.LocationId, line.Sku),
                new StockEvent.Released(reservation.Id, line.LineId, quantity, Math.Max(0, allocated))));
        }
        return (changes, null);
    }
}
