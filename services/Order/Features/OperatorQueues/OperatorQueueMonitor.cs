using Marten;
using Microsoft.Extensions.Options;
using OmniChannel.Order.Features.CreateOrder;
using OmniChannel.ServiceDefaults.Failures;

namespace OmniChannel.Order.Features.OperatorQueues;

/// <summary>One queue's size and age as last sampled: how many wait, and for how long the oldest has (0 when none).</summary>
public sealed record QueueSample(string Queue, int Count, double OldestAgeSeconds);

/// <summary>What the operators' queues held at <see cref="At"/>: overdue transactions, open permanent failures, each error queue.</summary>
public sealed record OperatorQueueSample(DateTimeOffset At, QueueSample OverdueTransactions, QueueSample PermanentFailures,
    IReadOnlyList<QueueSample> ErrorQueues, string? ErrorQueuesUnreadable);

/// <summary>
/// Samples the operators' queues every <see cref="OperatorQueueOptions.SampleInterval"/> for the gauges
/// (<see cref="OperatorQueueMetrics"/>) and the health check, whose callbacks then never read PostgreSQL or RabbitMQ.
/// A broker that cannot be read is said so in the health check, not taken for empty queues.
/// </summary>
public sealed class OperatorQueueMonitor(IDocumentStore store, ErrorQueues errorQueues, TimeProvider clock, IOptions<OperatorQueueOptions> options,
    ILogger<OperatorQueueMonitor> logger) : BackgroundService
{
    public OperatorQueueSample? Last { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SampleInterval, clock);
        do
        {
            try
            {
                await SampleAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Sampling the operators' queues failed; trying again at the next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<OperatorQueueSample> SampleAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        QueueSample overdue, failures;
        await using (var query = store.QuerySession())
        {
            var cutoff = now - options.Value.PendingTransactionThreshold;
            var received = await query.Query<TerminalTransaction>()
                .Where(t => t.Status == TransactionStatus.Received && t.CreationFailure == null && t.ReceivedAt < cutoff)
                .Select(t => t.ReceivedAt).ToListAsync(ct);
            overdue = Sample("pending-transactions", received, now);
            var open = await query.Query<PermanentFailure>().Where(f => f.ResolvedAt == null).Select(f => f.FailedAt).ToListAsync(ct);
            failures = Sample("permanent-failures", open, now);
        }
        IReadOnlyList<QueueSample> errors = [];
        string? unreadable = null;
        try
        {
            errors = (await errorQueues.ListAsync(1, ct))
                .Select(q => new QueueSample(q.Queue, (int)q.Count, q.Count == 0 ? 0 : Age(q.OldestFailedAt ?? now, now))).ToList();
        }
        catch (Exception exception) when (!ct.IsCancellationRequested)
        {
            unreadable = exception.Message;
        }
        return Last = new OperatorQueueSample(now, overdue, failures, errors, unreadable);
    }

    private static QueueSample Sample(string queue, IReadOnlyCollection<DateTimeOffset> since, DateTimeOffset now) =>
        new(queue, since.Count, since.Count == 0 ? 0 : Age(since.Min(), now));

    private static double Age(DateTimeOffset since, DateTimeOffset now) => Math.Max(0, (now - since).TotalSeconds);
}
