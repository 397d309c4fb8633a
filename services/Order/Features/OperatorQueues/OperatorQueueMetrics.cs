using System.Diagnostics.Metrics;
using OmniChannel.ServiceDefaults;

namespace OmniChannel.Order.Features.OperatorQueues;

/// <summary>
/// The operators' queues as gauges on the platform's Meter (the dashboard's metrics page, like
/// <c>omnichannel.async_cancellation.*</c>): count and oldest age of each, tagged <c>omnichannel.queue</c> (overdue
/// pending transactions, permanent failures, each error queue by name). They read the monitor's last sample only.
/// </summary>
public static class OperatorQueueMetrics
{
    public const string QueueTag = "omnichannel.queue";

    private static OperatorQueueMonitor? monitor;

    /// <summary>Binds the gauges to the worker's monitor (once: the gauges are the process's).</summary>
    public static void Observe(OperatorQueueMonitor source)
    {
        if (Interlocked.Exchange(ref monitor, source) is not null)
            return;
        Telemetry.Meter.CreateObservableGauge("omnichannel.operator_queue.count", () => Measure(q => q.Count), "{item}",
            "Items waiting on an operator's queue: channel transactions older than the threshold, open permanent failures, messages of each error queue.");
        Telemetry.Meter.CreateObservableGauge("omnichannel.operator_queue.oldest_age", () => Measure(q => q.OldestAgeSeconds), "s",
            "Age of the oldest item of each operator's queue (0 when it is empty).");
    }

    private static IEnumerable<Measurement<T>> Measure<T>(Func<QueueSample, T> value) where T : struct =>
        monitor?.Last is not { } sample ? []
            : new[] { sample.OverdueTransactions, sample.PermanentFailures }.Concat(sample.ErrorQueues)
                .Select(q => new Measurement<T>(value(q), new KeyValuePair<string, object?>(QueueTag, q.Queue)));
}
