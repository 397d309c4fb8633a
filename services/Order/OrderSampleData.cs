using Marten;
using OmniChannel.Order.Features.MasterData;

namespace OmniChannel.Order;

/// <summary>
/// The Order service's slice of deploy/sample-data/catalog.json: customers, stores, products, parameters, and the order
/// rights of the permission groups. Fulfillment
/// groups and tender types are not in it: their owners seed them and publish them (Features/MasterData projections).
/// </summary>
public sealed record OrderSampleData(IReadOnlyList<Customer> Customers, IReadOnlyList<SampleStore> Stores,
    IReadOnlyList<SampleProduct> Products, CustomerOrderParameters CustomerOrderParameters, IReadOnlyList<PermissionGroupRights> PermissionGroups)
{
    public static void Load(OrderSampleData data, IDocumentSession session)
    {
        session.Store(data.Customers.ToArray());
        session.Store(data.Stores.Select(s => new StoreSettings(s.Id, s.Name, s.WarehouseId, s.ShippingWarehouseId,
            s.FulfillmentGroupId, s.Currency, s.OrderCreationMode, s.AsyncCancellationContactRequired)).ToArray());
        session.Store(data.Products.Select(p => new ProductInfo(p.Sku, p.Name, p.RevenueRecognition, Revision: 1)).ToArray());
        session.Store(data.CustomerOrderParameters with { Id = CustomerOrderParameters.DefaultId });
        session.Store(data.PermissionGroups.ToArray());
    }
}

public sealed record SampleStore(string Id, string Name, string WarehouseId, string ShippingWarehouseId, string FulfillmentGroupId,
    string Currency, OrderCreationMode OrderCreationMode, bool AsyncCancellationContactRequired = false);

public sealed record SampleProduct(string Sku, string Name, bool RevenueRecognition);
