using Marten;
using OmniChannel.Pickup.Features.PickupRequests;

namespace OmniChannel.Pickup;

public static class PickupStore
{
    public static void Configure(StoreOptions options)
    {
        options.Schema.For<PickupLocation>().Identity(store => store.StoreId);
        options.Schema.For<PickupRequest>().Index(request => request.StoreId);
    }
}
