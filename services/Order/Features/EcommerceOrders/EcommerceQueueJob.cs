using Marten;
using OmniChannel.Order.Ecommerce;
using OmniChannel.ServiceDefaults.Persistence;

namespace OmniChannel.Order.Features.EcommerceOrders;

/// <summary>
/// ECM-1 and ECM-5 on the order worker, every <c>Ecommerce:QueueInterval</c> (15 s): counts the orders that need action and
/// those overdue for the dashboard's gauges (whose callbacks never read the database), and notifies each newly overdue
/// order once — a warning in the logs the dashboard shows, and <see cref="EcommerceOrderOverdue"/> on its stream.
/// </summary>
public sealed class EcommerceQueueJob(IDocumentStore store, TimeProvider clock, IConfiguration configuration, ILogger<EcommerceQueueJob> logger)
    : BackgroundService
{
    private const int MaxNotifiedPerRun = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(configuration.GetValue("Ecommerce:QueueInterval", TimeSpan.FromSeconds(15)), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(exception, "The e-commerce queue's sample failed; retrying at the next interval");
            }
        }
    }

    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using (var query = store.QuerySession())
        {
            var needAction = await query.Query<EcommerceOrder>().CountAsync(o => o.Status == EcommerceStatus.New
                || o.Status == EcommerceStatus.CustomerIdRequired || o.Status == EcommerceStatus.ProductMatchFailed
                || o.Status == EcommerceStatus.ProcessSaleFailed, ct);
            var overdue = await query.Query<EcommerceOrder>().Where(o => o.AcceptBy < now && (o.Status == EcommerceStatus.New
                    || o.Status == EcommerceStatus.CustomerIdRequired || o.Status == EcommerceStatus.ProductMatchFailed
                    || o.Status == EcommerceStatus.ProcessSaleFailed))
                .OrderBy(o => o.AcceptBy).ToListAsync(ct);
            EcommerceMetrics.Sample(needAction, overdue.Count);
            foreach (var order in overdue.Where(o => o.OverdueAt is null).Take(MaxNotifiedPerRun))
                await NotifyAsync(order.Id, now, ct);
        }
    }

    private async Task NotifyAsync(string id, DateTimeOffset now, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<EcommerceOrder>(id, ct);
        if (stream.Aggregate is not { } order || EcommerceDecider.Overdue(order, now) is not { } overdue)
            return;
        stream.AppendOne(overdue);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception exception) when (WriteConflict.IsAny(exception))
        {
            return; // someone acted on it meanwhile: the next run decides again
        }
        logger.LogWarning("E-commerce order {EcommerceOrderId} of store {StoreId} is overdue (ECM-5): it was to be accepted or rejected by {AcceptBy}",
            order.Id, order.StoreId, order.AcceptBy);
    }
}
