namespace OmniChannel.InventoryAllocation.Features.Stock;

/// <summary>INV-1: stock of one SKU at one location. Reserved units belong to open ship and pickup lines (INV-7).</summary>
public sealed record StockLevel(string Id, string LocationId, string Sku, int OnHand, int Reserved)
{
    public int Available => OnHand - Reserved;

    public static string IdFor(string locationId, string sku) => $"{locationId}/{sku}";
}
