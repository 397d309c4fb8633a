using Marten;
using OmniChannel.Order.Features.Customers;

namespace OmniChannel.Order;

public static class OrderStore
{
    public static void Configure(StoreOptions options)
    {
        options.Schema.For<Customer>().Index(customer => customer.Email);
        options.Schema.For<StoreSettings>().Identity(store => store.StoreId);
        options.Schema.For<CustomerOrderParameters>();
    }
}
