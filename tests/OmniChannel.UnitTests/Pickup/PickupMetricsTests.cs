using OmniChannel.Pickup;
using OmniChannel.Pickup.Features.PickupRequests;
using OmniChannel.UnitTests.Telemetry;

namespace OmniChannel.UnitTests.Pickup;

public class PickupMetricsTests
{
    [Fact]
    public void PUP4_a_completion_is_counted_at_its_store_as_complete_or_partial()
    {
        using var meters = new MeterRecorder();
        var store = $"STORE-{Guid.NewGuid():N}";
        var request = new PickupRequest(Guid.NewGuid(), store, "HOU-7KQ2M-9XD4T", "2001", PickupStatus.PartiallyCompleted,
            DateOnly.FromDateTime(DateTime.UtcNow), [], DateTimeOffset.UtcNow, Guid.NewGuid());

        PickupMetrics.PickupCompleted(request);
        PickupMetrics.PickupCompleted(request with { Status = PickupStatus.Completed });

        var storeTag = (PickupMetrics.StoreTag, (object)store);
        Assert.Single(meters.Of("omnichannel.pickup.completed", storeTag, (PickupMetrics.OutcomeTag, "partial")));
        Assert.Single(meters.Of("omnichannel.pickup.completed", storeTag, (PickupMetrics.OutcomeTag, "complete")));
    }
}
