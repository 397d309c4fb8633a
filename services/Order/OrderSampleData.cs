using Marten;
using OmniChannel.Order.Features.MasterData;

namespace OmniChannel.Order;

/// <summary>
/// The Order service's slice of deploy/sample-data/catalog.json: customers, stores, products, parameters, and the order
/// rights of the permission groups. Fulfillment
/// groups and tender types are not in it: their owners seed them and publish them (Features/MasterData projections).
/// </summary>
public sealed record OrderSampleData(IReadOnlyList<Customer> Customers, IReadOnlyList<SampleStore> Stores,
    IReadOnlyList<SampleProduct> Products, CustomerOrderParameters CustomerOrderParameters, IReadOnlyList<PermissionGroupRights> PermissionGroups,
    IReadOnlyList<SampleLocation>? Locations = null)
{
    public static void Load(OrderSampleData data, IDocumentSession session)
    {
        session.Store(data.Customers.ToArray());
        session.Store(data.Stores.Select(s => new StoreSettings(s.Id, s.Name, s.WarehouseId, s.ShippingWarehouseId,
            s.FulfillmentGroupId, s.Currency, s.OrderCreationMode, s.AsyncCancellationContactRequired, HoursOf(s, data.Locations))).ToArray());
        session.Store(data.Products.Select(p => new ProductInfo(p.Sku, p.Name, p.RevenueRecognition, Revision: 1)).ToArray());
        session.Store(data.Products.Select(p => new ProductIdentifiers(p.Sku, p.Name, p.Upc, p.VendorPartNumber, p.Mpn)).ToArray());
        session.Store(data.CustomerOrderParameters with { Id = CustomerOrderParameters.DefaultId });
        session.Store(data.PermissionGroups.ToArray());
    }

    /// <summary>ECM-5: a store's opening hours, in the time zone of its own location (its warehouse).</summary>
    private static StoreHours? HoursOf(SampleStore store, IReadOnlyList<SampleLocation>? locations) =>
        store.OpeningHours is { } hours && locations?.FirstOrDefault(l => l.Id == store.WarehouseId)?.TimeZone is { } zone
            ? new StoreHours(zone, hours.Opens, hours.Closes)
            : null;
}

public sealed record SampleLocation(string Id, string? TimeZone);

public sealed record SampleOpeningHours(string Opens, string Closes);

public sealed record SampleStore(string Id, string Name, string WarehouseId, string ShippingWarehouseId, string FulfillmentGroupId,
    string Currency, OrderCreationMode OrderCreationMode, bool AsyncCancellationContactRequired = false, SampleOpeningHours? OpeningHours = null);

public sealed record SampleProduct(string Sku, string Name, bool RevenueRecognition, string? Upc = null, string? VendorPartNumber = null,
    string? Mpn = null);
