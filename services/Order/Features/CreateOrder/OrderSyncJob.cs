using Marten;
using Microsoft.Extensions.Options;
using OmniChannel.Order.Orders;

namespace OmniChannel.Order.Features.CreateOrder;

/// <summary>
/// ORD-9 batch path: every <see cref="OrderCreationOptions.SyncInterval"/> creates the orders of transactions still
/// Received after the grace period (asynchronous batch stores, and whatever the real-time path could not do),
/// oldest first, a batch per commit. An operator can run it at once (<see cref="RunNowAsync"/>), for everything waiting.
/// </summary>
public sealed class OrderSyncJob(IDocumentStore store, OrderCreator creator, TimeProvider clock,
    IOptions<OrderCreationOptions> options, ILogger<OrderSyncJob> logger) : BackgroundService
{
    private readonly SemaphoreSlim running = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SyncInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunAsync(options.Value.SyncGrace, stoppingToken);
                await SamplePendingAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(exception, "Order sync failed; retrying at the next interval");
            }
        }
    }

    /// <summary>
    /// Counts the transactions still waiting for their order and the oldest one's arrival, for the pending gauges
    /// (OrderMetrics), whose callbacks never read the database. Two small indexed reads per tick, none per order.
    /// </summary>
    public async Task SamplePendingAsync(CancellationToken ct)
    {
        await using var query = store.QuerySession();
        var received = query.Query<TerminalTransaction>().Where(t => t.Status == TransactionStatus.Received && t.CreationFailure == null);
        var count = await received.CountAsync(ct);
        var oldest = await received.OrderBy(t => t.ReceivedAt).Select(t => t.ReceivedAt).Take(1).ToListAsync(ct);
        OrderMetrics.SamplePending(count, oldest.Count > 0 ? oldest[0] : null, clock.GetUtcNow());
    }

    /// <summary>
    /// The operator's run: every transaction still waiting, without the real-time path's grace period (a creation that
    /// both make is made once: the order's stream key). How many orders it created, of how many waiting.
    /// </summary>
    public Task<(int Created, int Waiting)> RunNowAsync(CancellationToken ct) => RunAsync(TimeSpan.Zero, ct);

    /// <summary>Batches until a batch is not full; one run at a time.</summary>
    private async Task<(int Created, int Waiting)> RunAsync(TimeSpan grace, CancellationToken ct)
    {
        await running.WaitAsync(ct);
        try
        {
            var (created, waiting) = (0, 0);
            int batch;
            do
            {
                (var batchCreated, batch) = await SyncOnceAsync(grace, ct);
                (created, waiting) = (created + batchCreated, waiting + batch);
            }
            while (batch == options.Value.SyncBatchSize); // a full batch: there may be more waiting
            return (created, waiting);
        }
        finally
        {
            running.Release();
        }
    }

    private async Task<(int Created, int Waiting)> SyncOnceAsync(TimeSpan grace, CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow() - grace;
        await using var query = store.QuerySession();
        var waiting = await query.Query<TerminalTransaction>()
            .Where(t => t.Status == TransactionStatus.Received && t.CreationFailure == null && t.ReceivedAt < cutoff)
            .OrderBy(t => t.ReceivedAt)
            .Take(options.Value.SyncBatchSize)
            .ToListAsync(ct);
        if (waiting.Count == 0)
            return (0, 0);

        var created = await creator.CreateAllAsync(store, waiting, CreationPath.Batch, ct);
        logger.LogInformation("Order sync created {Created} of {Waiting} waiting order(s)", created, waiting.Count);
        return (created, waiting.Count);
    }
}
