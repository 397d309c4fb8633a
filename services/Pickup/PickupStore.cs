using Marten;
using OmniChannel.Pickup.Features.PickupRequests;

namespace OmniChannel.Pickup;

public static class PickupStore
{
    public static void Configure(StoreOptions options)
    {
        options.Schema.For<PickupLocation>().Identity(store => store.StoreId);
        // A completion and a payment answer may change one request at once: neither may overwrite the other.
        options.Schema.For<PickupRequest>().Index(request => request.StoreId).Index(request => request.OrderId).UseOptimisticConcurrency(true);
    }
}
