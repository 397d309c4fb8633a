using JasperFx.Events;
using Marten;
using JasperFx.Events.Projections;
using OmniChannel.InventoryAllocation.Features.Locations;
using OmniChannel.InventoryAllocation.Features.Products;
using OmniChannel.InventoryAllocation.Features.Reservations;
using OmniChannel.InventoryAllocation.Features.Stock;
using OmniChannel.InventoryAllocation.Features.Transfers;

namespace OmniChannel.InventoryAllocation;

public static class InventoryStore
{
    public static void Configure(StoreOptions options)
    {
        options.Schema.For<Product>().Identity(product => product.Sku)
            .UniqueIndex(product => product.Upc);
        options.Schema.For<Location>();
        options.Schema.For<FulfillmentGroup>();
        // Every stock change is an event on its level's stream ("{location}/{sku}"); the level is kept inline from it.
        // Reservations race for the same levels: each appends at the version it read, so the second writer fails and retries.
        options.Events.StreamIdentity = StreamIdentity.AsString;
        options.Events.AddEventTypes(StockEvent.All);
        options.Events.AddEventType<SkuStatusChanged>();
        options.Projections.Snapshot<StockLevel>(SnapshotLifecycle.Inline);
        options.Schema.For<StockLevel>().Index(stock => stock.LocationId).Index(stock => stock.Sku);
        // Two pickups of one order at two stores issue stock from the same reservation: neither may overwrite the other.
        options.Schema.For<Reservation>().UseOptimisticConcurrency(true);
        // A transfer's step and its levels' events commit together; two steps of one transfer at once: the second fails.
        options.Schema.For<TransferOrder>().UseOptimisticConcurrency(true);
        // INV-4: a run's id is its key: two requests under one id at once, the second is refused and answers the first's report.
        options.Schema.For<Features.Allocation.AllocationRunRecord>();
        // INV-5: two scans of one waybill at once: the second fails and counts again on what the first left.
        options.Schema.For<Features.Waybills.Waybill>().UseOptimisticConcurrency(true).Index(w => w.OrderId);
    }
}
