using Marten;
using OmniChannel.Pickup.Features.PickupRequests;
using OmniChannel.Pickup.Features.Products;

namespace OmniChannel.Pickup;

/// <summary>Pickup's slice of deploy/sample-data/catalog.json: the stores whose fulfillment group lets them serve pickup, and the products' names and UPCs.</summary>
public sealed record PickupSampleData(IReadOnlyList<SampleStore> Stores, IReadOnlyList<SampleLocation> Locations,
    IReadOnlyList<SampleFulfillmentGroup> FulfillmentGroups, IReadOnlyList<SampleProduct> Products)
{
    public static void Load(PickupSampleData data, IDocumentSession session)
    {
        var pickupLocations = data.FulfillmentGroups.SelectMany(g => g.Locations).Where(l => l.Pickup).Select(l => l.LocationId).ToHashSet();
        session.Store(data.Stores
            .Where(store => pickupLocations.Contains(store.WarehouseId))
            .Select(store => new PickupLocation(store.Id, store.Name, data.Locations.Single(l => l.Id == store.WarehouseId).TimeZone))
            .ToArray());
        // The products' first revision, as Inventory-Allocation loads it; a later registration replaces it (ProductRegisteredConsumer).
        session.Store(data.Products.Select(p => new PickupProduct(p.Sku, p.Name, p.Upc, 1)).ToArray());
    }
}

public sealed record SampleProduct(string Sku, string Name, string? Upc);

public sealed record SampleStore(string Id, string Name, string WarehouseId);

public sealed record SampleLocation(string Id, string TimeZone);

public sealed record SampleFulfillmentGroup(string Id, IReadOnlyList<SampleFulfillmentLocation> Locations);

public sealed record SampleFulfillmentLocation(string LocationId, bool Pickup);
