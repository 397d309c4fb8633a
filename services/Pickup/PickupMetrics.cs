using System.Diagnostics.Metrics;
using OmniChannel.Pickup.Features.PickupRequests;
using OmniChannel.ServiceDefaults;

namespace OmniChannel.Pickup;

/// <summary>The Pickup service's domain meters, on the platform's Meter "OmniChannel" (README.md, Metrics).</summary>
public static class PickupMetrics
{
    public const string StoreTag = "omnichannel.store.id";
    public const string OutcomeTag = "omnichannel.pickup.outcome";

    private static readonly Counter<long> Completed = Telemetry.Meter.CreateCounter<long>("omnichannel.pickup.completed", "{pickup}",
        "Pickups completed at a store's counter (PUP-4): receipt and items scanned, goods handed over; each completion once.");

    /// <summary>After the completion's commit; a repeated Idempotency-Key or a refused scan is not a completion.</summary>
    public static void PickupCompleted(PickupRequest completed) =>
        Completed.Add(1, new KeyValuePair<string, object?>(StoreTag, completed.StoreId),
            new KeyValuePair<string, object?>(OutcomeTag, completed.Status == PickupStatus.Completed ? "complete" : "partial"));
}
