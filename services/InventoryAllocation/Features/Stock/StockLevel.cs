namespace OmniChannel.InventoryAllocation.Features.Stock;

/// <summary>
/// INV-1: stock of one SKU at one location, kept inline from the level's stream of <see cref="StockEvent"/>s (Marten
/// dispatches <c>Create</c> / <c>Apply</c>, so a forgotten event fails the build of the projection, never folds silently).
/// Reserved units belong to open ship and pickup lines (INV-7).
/// </summary>
public sealed record StockLevel(string Id, string LocationId, string Sku, int OnHand, int Reserved)
{
    public int Available => OnHand - Reserved;

    public static string IdFor(string locationId, string sku) => $"{locationId}/{sku}";

    public static StockLevel Create(StockEvent.Opened e) => new(IdFor(e.LocationId, e.Sku), e.LocationId, e.Sku, 0, 0);

    public StockLevel Apply(StockEvent.Received e) => this with { OnHand = OnHand + e.Quantity };

    public StockLevel Apply(StockEvent.Counted e) => this with { OnHand = e.OnHand };

    public StockLevel Apply(StockEvent.Reserved e) => this with { Reserved = Reserved + e.Quantity };

    public StockLevel Apply(StockEvent.Released e) => this with { Reserved = Reserved - e.Quantity };

    public StockLevel Apply(StockEvent.CarriedOut e) => this with { OnHand = OnHand - e.Quantity };

    public StockLevel Apply(StockEvent.CarryOutReturned e) => this with { OnHand = OnHand + e.Quantity };

    public StockLevel Apply(StockEvent.Issued e) => this with { OnHand = OnHand - e.Quantity, Reserved = Reserved - e.Quantity };
}
