using JasperFx.Events.Projections;
using Marten;
using OmniChannel.Pickup.Features.PickupRequests;
using OmniChannel.Pickup.Features.Products;

namespace OmniChannel.Pickup;

public static class PickupStore
{
    public static void Configure(StoreOptions options)
    {
        options.Schema.For<PickupLocation>().Identity(store => store.StoreId);
        options.Schema.For<PickupProduct>().Identity(product => product.Sku);
        // Every pickup request is an event stream (PickupEvents.cs); its current state is kept inline for the counter's
        // queries, and the stream's version settles two writers at once (PickupStream).
        options.Projections.Snapshot<PickupRequest>(SnapshotLifecycle.Inline);
        options.Schema.For<PickupRequest>().Index(request => request.StoreId).Index(request => request.OrderId);
    }
}
