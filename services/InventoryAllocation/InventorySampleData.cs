using Marten;
using OmniChannel.InventoryAllocation.Features.Locations;
using OmniChannel.InventoryAllocation.Features.Products;
using OmniChannel.InventoryAllocation.Features.Stock;

namespace OmniChannel.InventoryAllocation;

/// <summary>Inventory-Allocation's slice of deploy/sample-data/catalog.json: product master, locations, groups, stock.</summary>
/// <param name="Currency">The catalogue's currency: its base prices are in it.</param>
public sealed record InventorySampleData(
    string Currency,
    IReadOnlyList<FulfillmentGroup> FulfillmentGroups,
    IReadOnlyList<Location> Locations,
    IReadOnlyList<SampleProduct> Products,
    IReadOnlyList<SampleStock> Stock)
{
    public static void Load(InventorySampleData data, IDocumentSession session)
    {
        session.Store(data.FulfillmentGroups.ToArray());
        session.Store(data.Locations.ToArray());
        session.Store(data.Products.Select(p => new Product(p.Sku, p.Name, p.Upc, p.VendorPartNumber, p.Mpn, p.BasePrice, data.Currency,
            p.PriceOverrideAllowed, p.Discountable, p.RevenueRecognition, p.Status ?? new SkuStatus(), Revision: 1)).ToArray());
        foreach (var stock in data.Stock)
            session.Events.StartStream<StockLevel>(StockLevel.IdFor(stock.LocationId, stock.Sku),
                new StockEvent.Opened(stock.LocationId, stock.Sku), new StockEvent.Counted(stock.OnHand, Before: 0));
    }
}

public sealed record SampleProduct(string Sku, string Name, string Upc, string VendorPartNumber, string? Mpn, decimal BasePrice,
    bool PriceOverrideAllowed, bool Discountable, bool RevenueRecognition, SkuStatus? Status);

public sealed record SampleStock(string LocationId, string Sku, int OnHand);
