using Marten;
using OmniChannel.InventoryAllocation.Features.Locations;
using OmniChannel.InventoryAllocation.Features.Products;
using OmniChannel.InventoryAllocation.Features.Reservations;
using OmniChannel.InventoryAllocation.Features.Stock;

namespace OmniChannel.InventoryAllocation;

public static class InventoryStore
{
    public static void Configure(StoreOptions options)
    {
        options.Schema.For<Product>().Identity(product => product.Sku)
            .UniqueIndex(product => product.Upc);
        options.Schema.For<Location>();
        options.Schema.For<FulfillmentGroup>();
        // Reservations race for the same stock levels: the second writer of a level must fail and retry, not overwrite.
        options.Schema.For<StockLevel>().Index(stock => stock.LocationId).Index(stock => stock.Sku).UseOptimisticConcurrency(true);
        // Two pickups of one order at two stores issue stock from the same reservation: neither may overwrite the other.
        options.Schema.For<Reservation>().UseOptimisticConcurrency(true);
    }
}
