namespace OmniChannel.InventoryAllocation.Features.Stock;

/// <summary>
/// INV-1: stock of one SKU at one location, kept inline from the level's stream of <see cref="StockEvent"/>s (Marten
/// dispatches <c>Create</c> / <c>Apply</c>, so a forgotten event fails the build of the projection, never folds silently).
/// Reserved units belong to open ship and pickup lines (INV-7); scheduled outbound units are promised to a transfer
/// order and still on the shelf; in-transit units come from another warehouse and are not on hand yet. Allocated units
/// are the part of the reserved ones an allocation run confirmed for shipping (INV-4): reserved after allocation.
/// </summary>
public sealed record StockLevel(string Id, string LocationId, string Sku, int OnHand, int Reserved, int ScheduledOutbound = 0, int InTransit = 0,
    int Allocated = 0)
{
    public int Available => OnHand - Reserved - ScheduledOutbound;

    public static string IdFor(string locationId, string sku) => $"{locationId}/{sku}";

    public static StockLevel Create(StockEvent.Opened e) => new(IdFor(e.LocationId, e.Sku), e.LocationId, e.Sku, 0, 0);

    public StockLevel Apply(StockEvent.Received e) => this with { OnHand = OnHand + e.Quantity };

    public StockLevel Apply(StockEvent.Counted e) => this with { OnHand = e.OnHand };

    public StockLevel Apply(StockEvent.Reserved e) => this with { Reserved = Reserved + e.Quantity };

    public StockLevel Apply(StockEvent.Released e) => this with { Reserved = Reserved - e.Quantity, Allocated = Allocated - e.Allocated };

    public StockLevel Apply(StockEvent.CarriedOut e) => this with { OnHand = OnHand - e.Quantity };

    public StockLevel Apply(StockEvent.CarryOutReturned e) => this with { OnHand = OnHand + e.Quantity };

    public StockLevel Apply(StockEvent.Issued e) => this with { OnHand = OnHand - e.Quantity, Reserved = Reserved - e.Quantity, Allocated = Allocated - e.Allocated };

    public StockLevel Apply(StockEvent.Allocated e) => this with { Allocated = Allocated + e.Quantity };

    public StockLevel Apply(StockEvent.WrittenOff e) => this with { OnHand = OnHand - e.Quantity };

    public StockLevel Apply(StockEvent.TransferScheduled e) => this with { ScheduledOutbound = ScheduledOutbound + e.Quantity };

    public StockLevel Apply(StockEvent.TransferredOut e) => this with { OnHand = OnHand - e.Quantity, ScheduledOutbound = ScheduledOutbound - e.Quantity };

    public StockLevel Apply(StockEvent.TransferInTransit e) => this with { InTransit = InTransit + e.Quantity };

    public StockLevel Apply(StockEvent.TransferredIn e) => this with { OnHand = OnHand + e.Quantity, InTransit = InTransit - e.Quantity };
}
