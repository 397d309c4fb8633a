using OmniChannel.Contracts.Inventory;
using OmniChannel.InventoryAllocation.Features.Stock;

namespace OmniChannel.InventoryAllocation.Features.Reservations;

public sealed record ReservationRefusal(string Code, string Reason);

/// <summary>
/// INV-7, pure: ship and pickup lines reserve stock at their location; carry-out takes it from the store's stock
/// at once; all lines or none. Releasing undoes exactly what reserving did.
/// </summary>
public static class StockReservations
{
    public static (IReadOnlyList<StockLevel> Changed, ReservationRefusal? Refusal) Reserve(
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

    private static StockLevel Apply(StockLevel level, ReservationLine line, int direction) => line.Kind == ReservationKind.CarryOut
        ? level with { OnHand = level.OnHand - direction * line.Quantity }
        : level with { Reserved = level.Reserved + direction * line.Quantity };
}
