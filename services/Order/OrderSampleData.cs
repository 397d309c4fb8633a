using Marten;
using OmniChannel.Order.Features.Customers;

namespace OmniChannel.Order;

/// <summary>The Order service's slice of deploy/sample-data/catalog.json: customers, stores, customer-order parameters.</summary>
public sealed record OrderSampleData(IReadOnlyList<Customer> Customers, IReadOnlyList<SampleStore> Stores,
    CustomerOrderParameters CustomerOrderParameters)
{
    public static void Load(OrderSampleData data, IDocumentSession session)
    {
        session.Store(data.Customers.ToArray());
        session.Store(data.Stores.Select(s => new StoreSettings(s.Id, s.Name, s.WarehouseId, s.ShippingWarehouseId,
            s.FulfillmentGroupId, s.Currency, s.OrderCreationMode)).ToArray());
        session.Store(data.CustomerOrderParameters with { Id = "default" });
    }
}

public sealed record SampleStore(string Id, string Name, string WarehouseId, string ShippingWarehouseId, string FulfillmentGroupId,
    string Currency, OrderCreationMode OrderCreationMode);
