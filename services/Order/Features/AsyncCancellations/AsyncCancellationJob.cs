using Marten;
using Marten.Exceptions;
using JasperFx;
using Microsoft.Extensions.Options;
using OmniChannel.Order.Features.MasterData;
using OmniChannel.Order.Orders;
using OmniChannel.ServiceDefaults.Persistence;

namespace OmniChannel.Order.Features.AsyncCancellations;

/// <param name="Attempted">Cancellations whose turn it was.</param>
/// <param name="Applied">Of those, started on their order.</param>
/// <param name="Retrying">Failed retryably: tried again after their back-off.</param>
/// <param name="Failed">Failed permanently: left for an operator.</param>
public sealed record AsyncCancellationRun(int Attempted, int Applied, int Retrying, int Failed);

/// <summary>
/// ORD-10's monitor and processing job (the seed's two batch jobs, every 5 minutes by default): each pending asynchronous
/// cancellation whose next attempt is due is decided (<see cref="AsyncCancellationDecider"/>) and its events appended,
/// with the order's cancellation published in the same commit (the outbox). Each attempt appends at the stream version it
/// read, so two runs (two replicas, or the operator's "process now" during a scheduled run) never apply one twice: the
/// second commit fails on the version and is dropped. The same mechanism as the order-sync job (a PeriodicTimer in the
/// worker) keeps the platform's two jobs alike; the stream version, not the scheduler, guarantees once.
/// </summary>
public sealed class AsyncCancellationJob(IDocumentStore store, TimeProvider clock, IOptions<AsyncCancellationOptions> options,
    ILogger<AsyncCancellationJob> logger) : BackgroundService
{
    private readonly SemaphoreSlim running = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(exception, "Processing asynchronous cancellations failed; retrying at the next interval");
            }
        }
    }

    /// <summary>One run: every cancellation due now, a batch at a time; then the queue's gauges.</summary>
    public async Task<AsyncCancellationRun> RunAsync(CancellationToken ct)
    {
        await running.WaitAsync(ct);
        try
        {
            var total = new AsyncCancellationRun(0, 0, 0, 0);
            AsyncCancellationRun batch;
            do
            {
                batch = await RunBatchAsync(ct);
                total = new(total.Attempted + batch.Attempted, total.Applied + batch.Applied, total.Retrying + batch.Retrying, total.Failed + batch.Failed);
            }
            while (batch.Attempted == options.Value.BatchSize);
            await SampleAsync(ct);
            return total;
        }
        finally
        {
            running.Release();
        }
    }

    private async Task<AsyncCancellationRun> RunBatchAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        IReadOnlyList<string> due;
        CustomerOrderParameters? parameters;
        await using (var query = store.QuerySession())
        {
            due = await query.Query<AsyncCancellation>()
                .Where(c => c.Status == AsyncCancellationStatus.Pending && c.NextAttemptAt <= now)
                .OrderBy(c => c.NextAttemptAt).Take(options.Value.BatchSize).Select(c => c.Id).ToListAsync(ct);
            parameters = await query.LoadAsync<CustomerOrderParameters>(CustomerOrderParameters.DefaultId, ct);
        }
        var (applied, retrying, failed) = (0, 0, 0);
        foreach (var id in due)
        {
            switch (await AttemptAsync(id, parameters?.CancellationChargePercent ?? 0m, ct))
            {
                case AsyncCancellationStatus.Applied: applied++; break;
                case AsyncCancellationStatus.Pending: retrying++; break;
                case AsyncCancellationStatus.Failed: failed++; break;
            }
        }
        return new AsyncCancellationRun(due.Count, applied, retrying, failed);
    }

    /// <summary>One attempt, committed with its events and the order's cancellation; null when another run got there first.</summary>
    private async Task<AsyncCancellationStatus?> AttemptAsync(string id, decimal defaultPercent, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<AsyncCancellation>(id, ct);
        if (stream.Aggregate is not { Status: AsyncCancellationStatus.Pending } cancellation)
            return null;
        var order = await session.LoadAsync<CustomerOrder>(cancellation.ConfirmationNumber, ct);
        var attempt = AsyncCancellationDecider.Decide(cancellation, order, defaultPercent, MassTransit.NewId.NextGuid().ToString("N"), clock.GetUtcNow());
        stream.AppendMany(attempt.Events);
        if (attempt.Cancel is { } cancel)
            session.PublishOnCommit(cancel);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (ConcurrencyException)
        {
            return null; // another run appended first: it decided this attempt
        }
        var after = attempt.Events.Aggregate(cancellation, (c, e) => c.Fold(e));
        if (after.Status == AsyncCancellationStatus.Failed)
            logger.LogWarning("Asynchronous cancellation of {ConfirmationNumber} failed permanently ({Code}); left for an operator",
                cancellation.ConfirmationNumber, after.LastFailure?.Code);
        return after.Status;
    }

    /// <summary>The queue's gauges: pending and failed cancellations, and the oldest of each (OrderMetrics).</summary>
    public async Task SampleAsync(CancellationToken ct)
    {
        await using var query = store.QuerySession();
        var open = await query.Query<AsyncCancellation>()
            .Where(c => c.Status == AsyncCancellationStatus.Pending || c.Status == AsyncCancellationStatus.Failed)
            .Select(c => new { c.Status, c.AcceptedAt }).ToListAsync(ct);
        var pending = open.Where(c => c.Status == AsyncCancellationStatus.Pending).Select(c => c.AcceptedAt).ToList();
        var failed = open.Where(c => c.Status == AsyncCancellationStatus.Failed).Select(c => c.AcceptedAt).ToList();
        OrderMetrics.SampleAsyncCancellations(pending.Count, pending.Count > 0 ? pending.Min() : null,
            failed.Count, failed.Count > 0 ? failed.Min() : null, clock.GetUtcNow());
    }
}
