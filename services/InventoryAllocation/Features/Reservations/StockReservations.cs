using OmniChannel.Contracts.Inventory;
using OmniChannel.InventoryAllocation.Features.Stock;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.InventoryAllocation.Features.Reservations;

/// <summary>
/// INV-7, pure: ship and pickup lines reserve stock at their location; carry-out takes it from the store's stock
/// at once; all lines or none. Releasing undoes exactly what reserving did.
/// </summary>
public static class StockReservations
{
    public static (IReadOnlyList<StockLevel> Changed, Refusal? Refusal) Reserve(
        IReadOnlyDictionary<string, StockLevel> levels, IReadOnlyList<ReservationLine> lines)
    {
        var changed = new Dictionary<string, StockLevel>();
        foreach (var line in lines)
        {
            var id = StockLevel.IdFor(line.LocationId, line.Sku);
            if (!changed.TryGetValue(id, out var level) && !levels.TryGetValue(id, out level))
                return ([], new("stock.not_stocked", $"{line.Sku} is not stocked at {line.LocationId}."));
            if (line.Quantity <= 0)
                return ([], new("line.quantity_invalid", $"Line {line.LineId}: quantity must be at least 1."));
            if (level.Available < line.Quantity)
                return ([], new("stock.insufficient", $"{line.Sku} at {line.LocationId}: {level.Available} available, {line.Quantity} wanted."));
            changed[id] = Apply(level, line, +1);
        }
        return (changed.Values.ToList(), null);
    }

    public static IReadOnlyList<StockLevel> Release(IReadOnlyDictionary<string, StockLevel> levels, IReadOnlyList<ReservationLine> lines)
    {
        var changed = new Dictionary<string, StockLevel>();
        foreach (var line in lines)
        {
            var id = StockLevel.IdFor(line.LocationId, line.Sku);
            var level = changed.TryGetValue(id, out var current) ? current : levels[id];
            changed[id] = Apply(level, line, -1);
        }
        return changed.Values.ToList();
    }

    /// <summary>
    /// PUP-4 / PAY-6: reserved units handed over or shipped leave the location: on hand and reserved both go down.
    /// Only ship and pickup lines are issued (carry-out stock left at once), never more than the line still holds.
    /// </summary>
    public static (IReadOnlyList<StockLevel> Changed, Refusal? Refusal) Issue(IReadOnlyDictionary<string, StockLevel> levels,
        Reservation reservation, IReadOnlyList<IssuedLine> lines)
    {
        var changed = new Dictionary<string, StockLevel>();
        foreach (var issued in lines.GroupBy(l => l.LineId, l => l.Quantity))
        {
            var line = reservation.Lines.FirstOrDefault(l => l.LineId == issued.Key && l.Kind != ReservationKind.CarryOut);
            if (line is null)
                return ([], new("issue.line_unknown", $"Line {issued.Key} holds no reserved stock."));
            var (quantity, held) = (issued.Sum(), line.Quantity - reservation.IssuedOf(line.LineId));
            if (issued.Any(q => q <= 0) || quantity > held)
                return ([], new("issue.quantity_invalid", $"Line {issued.Key}: {quantity} to issue, {held} held."));
            var id = StockLevel.IdFor(line.LocationId, line.Sku);
            var level = changed.TryGetValue(id, out var current) ? current : levels[id];
            changed[id] = level with { OnHand = level.OnHand - quantity, Reserved = level.Reserved - quantity };
        }
        return (changed.Values.ToList(), null);
    }

    private static StockLevel Apply(StockLevel level, ReservationLine line, int direction) => line.Kind == ReservationKind.CarryOut
        ? level with { OnHand = level.OnHand - direction * line.Quantity }
        : level with { Reserved = level.Reserved + direction * line.Quantity };
}
