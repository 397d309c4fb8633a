using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.InventoryAllocation.Features.Stock;

/// <summary>Pure decisions of counts and receipts over a level (null: the SKU was never stocked there); I/O stays in the endpoints.</summary>
public static class StockDecider
{
    public static (IReadOnlyList<StockChange> Changes, Refusal? Refusal) Count(StockLevel? level, string locationId, string sku, int onHand)
    {
        if (onHand < 0)
            return ([], new("stock.on_hand_negative", "On-hand quantity cannot be negative."));
        if (onHand < (level?.Reserved ?? 0) + (level?.ScheduledOutbound ?? 0))
            return ([], Refusal.Conflict("stock.below_reserved",
                $"{level!.Reserved} are reserved by open orders and {level.ScheduledOutbound} scheduled for transfers; on hand cannot be less."));
        var id = StockLevel.IdFor(locationId, sku);
        return ([.. Opening(level, locationId, sku), new(id, new StockEvent.Counted(onHand, level?.OnHand ?? 0))], null);
    }

    public static (IReadOnlyList<StockChange> Changes, Refusal? Refusal) Receive(StockLevel? level, string locationId, string sku, int quantity, string? reference)
    {
        if (quantity is <= 0 or > 1_000_000)
            return ([], new("stock.quantity_invalid", "A receipt is 1 to 1,000,000 units."));
        if (string.IsNullOrWhiteSpace(reference) || reference.Length > 64)
            return ([], new("stock.reference_invalid", "A receipt names what the goods came on (a delivery note, a purchase order): 1 to 64 characters."));
        var id = StockLevel.IdFor(locationId, sku);
        return ([.. Opening(level, locationId, sku), new(id, new StockEvent.Received(quantity, reference))], null);
    }

    /// <summary>A level's stream starts with the event that names its SKU and location.</summary>
    public static IEnumerable<StockChange> Opening(StockLevel? level, string locationId, string sku) =>
        level is null ? [new(StockLevel.IdFor(locationId, sku), new StockEvent.Opened(locationId, sku))] : [];
}
