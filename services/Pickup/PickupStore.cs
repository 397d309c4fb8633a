using JasperFx.Events.Projections;
using Marten;
using OmniChannel.Pickup.Features.Expiry;
using OmniChannel.Pickup.Features.PickupRequests;
using OmniChannel.Pickup.Features.Printing;
using OmniChannel.Pickup.Features.Products;

namespace OmniChannel.Pickup;

public static class PickupStore
{
    public static void Configure(StoreOptions options)
    {
        options.Schema.For<PickupLocation>().Identity(store => store.StoreId);
        options.Schema.For<PickupProduct>().Identity(product => product.Sku);
        options.Schema.For<PrintSettings>().Identity(settings => settings.StoreId);
        // PUP-1: a store's print queue, which its print agent reads by store, oldest first, until acknowledged.
        options.Schema.For<PrintJob>().Index(job => job.StoreId).Index(job => job.CreatedAt);
        // Every pickup request is an event stream (PickupEvents.cs); its current state is kept inline for the counter's
        // queries, and the stream's version settles two writers at once (PickupStream).
        options.Projections.Snapshot<PickupRequest>(SnapshotLifecycle.Inline);
        options.Schema.For<PickupRequest>().Index(request => request.StoreId).Index(request => request.OrderId);
        // PUP-8: one expiry list per store and day (its id), so a day is reported once.
        options.Schema.For<ExpiryList>();
    }
}
