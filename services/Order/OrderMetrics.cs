using System.Diagnostics.Metrics;
using OmniChannel.Order.Features.CreateOrder;
using OmniChannel.Order.Orders;
using OmniChannel.ServiceDefaults;

namespace OmniChannel.Order;

/// <summary>
/// The Order service's domain meters, on the platform's Meter "OmniChannel" (README.md, Metrics). Each counter counts
/// a committed effect once: after the commit (<c>session.AfterCommit</c> where a message or a second path could
/// repeat it), never for a retry, a duplicate or a replayed Idempotency-Key.
/// </summary>
public static class OrderMetrics
{
    public const string ChannelTag = "omnichannel.channel";
    public const string StoreTag = "omnichannel.store.id";
    public const string PathTag = "omnichannel.order.creation_path";
    public const string RejectionCodeTag = "omnichannel.order.rejection_code";

    private static readonly Counter<long> Accepted = Telemetry.Meter.CreateCounter<long>("omnichannel.order.accepted", "{order}",
        "Orders accepted: a terminal's or channel's transaction stored under its Idempotency-Key (ORD-9), not yet an order.");

    private static readonly Counter<long> Created = Telemetry.Meter.CreateCounter<long>("omnichannel.order.created", "{order}",
        "Orders created from their transaction (their stream started, their stock asked for), by creation path.");

    private static readonly Counter<long> Confirmed = Telemetry.Meter.CreateCounter<long>("omnichannel.order.confirmed", "{order}",
        "Orders confirmed by the order saga: stock reserved, priced, the deposit taken.");

    private static readonly Counter<long> Rejected = Telemetry.Meter.CreateCounter<long>("omnichannel.order.rejected", "{order}",
        "Orders rejected by the order saga, by the problem code of the reason (stock, pricing, deposit).");

    private static PendingTransactions? pending;
    private static AsyncCancellationQueue? cancellations;

    static OrderMetrics()
    {
        Telemetry.Meter.CreateObservableGauge("omnichannel.channel_transaction.pending", () => Observe(p => p.Count), "{transaction}",
            "Channel transactions accepted whose order is not created yet, as the order-sync job last counted them.");
        Telemetry.Meter.CreateObservableGauge("omnichannel.channel_transaction.oldest_pending_age", () => Observe(p => p.OldestAgeSeconds), "s",
            "Age of the oldest channel transaction whose order is not created yet, as the order-sync job last saw it (0 when none waits).");
        Telemetry.Meter.CreateObservableGauge("omnichannel.async_cancellation.pending", () => ObserveCancellations(q => q.Pending), "{cancellation}",
            "ORD-10: asynchronous cancellations not applied yet (their order not created, or a transient fault), as the job last counted them.");
        Telemetry.Meter.CreateObservableGauge("omnichannel.async_cancellation.oldest_pending_age", () => ObserveCancellations(q => q.OldestPendingSeconds), "s",
            "Age of the oldest asynchronous cancellation not applied yet (0 when none waits).");
        Telemetry.Meter.CreateObservableGauge("omnichannel.async_cancellation.failed", () => ObserveCancellations(q => q.Failed), "{cancellation}",
            "ORD-10: asynchronous cancellations that failed permanently and wait for an operator (incomplete asynchronous cancellations).");
        Telemetry.Meter.CreateObservableGauge("omnichannel.async_cancellation.oldest_failed_age", () => ObserveCancellations(q => q.OldestFailedSeconds), "s",
            "Age of the oldest asynchronous cancellation waiting for an operator (0 when none).");
    }

    /// <summary>ORD-10's queue as the job last sampled it; the gauges' callbacks never read the database.</summary>
    public static void SampleAsyncCancellations(int pendingCount, DateTimeOffset? oldestPending, int failedCount, DateTimeOffset? oldestFailed,
        DateTimeOffset now) =>
        cancellations = new AsyncCancellationQueue(pendingCount, Age(oldestPending, now), failedCount, Age(oldestFailed, now));

    public static (int Pending, double OldestPendingSeconds, int Failed, double OldestFailedSeconds)? AsyncCancellationSample =>
        cancellations is { } q ? (q.Pending, q.OldestPendingSeconds, q.Failed, q.OldestFailedSeconds) : null;

    private static double Age(DateTimeOffset? since, DateTimeOffset now) => since is { } at ? Math.Max(0, (now - at).TotalSeconds) : 0;

    public static void OrderAccepted(ValidOrder order) =>
        Accepted.Add(1, new KeyValuePair<string, object?>(ChannelTag, ChannelName(order.Channel)), new KeyValuePair<string, object?>(StoreTag, order.StoreId));

    public static void OrderCreated(CreationPath path) => Created.Add(1, new KeyValuePair<string, object?>(PathTag, PathName(path)));

    public static void OrderConfirmed() => Confirmed.Add(1);

    public static void OrderRejected(string code) => Rejected.Add(1, new KeyValuePair<string, object?>(RejectionCodeTag, code));

    /// <summary>
    /// What the order-sync job counted on its tick, kept for the gauges: their callbacks only read it, never the
    /// database. A process that never samples (the API) reports no value.
    /// </summary>
    public static void SamplePending(int count, DateTimeOffset? oldestReceivedAt, DateTimeOffset now) =>
        pending = new PendingTransactions(count, oldestReceivedAt is { } oldest ? Math.Max(0, (now - oldest).TotalSeconds) : 0);

    public static string ChannelName(OrderChannel channel) => channel switch
    {
        OrderChannel.Store => "store",
        OrderChannel.Online => "online",
        OrderChannel.CallCenter => "call_center",
        _ => channel.ToString(),
    };

    public static string PathName(CreationPath path) => path switch
    {
        CreationPath.Synchronous => "synchronous",
        CreationPath.RealTime => "real_time",
        CreationPath.Batch => "batch",
        _ => path.ToString(),
    };

    private static IEnumerable<Measurement<T>> Observe<T>(Func<PendingTransactions, T> value) where T : struct =>
        pending is { } sample ? [new Measurement<T>(value(sample))] : [];

    private static IEnumerable<Measurement<T>> ObserveCancellations<T>(Func<AsyncCancellationQueue, T> value) where T : struct =>
        cancellations is { } sample ? [new Measurement<T>(value(sample))] : [];

    private sealed record PendingTransactions(int Count, double OldestAgeSeconds);

    private sealed record AsyncCancellationQueue(int Pending, double OldestPendingSeconds, int Failed, double OldestFailedSeconds);
}
