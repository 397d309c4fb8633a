using Marten;
using OmniChannel.PaymentToken.Connectors;
using OmniChannel.PaymentToken.Payments;

namespace OmniChannel.PaymentToken.Features.Recovery;

public sealed class RecoveryOptions
{
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a journaled call may stay unanswered before it counts as left by a crash, not as in progress.</summary>
    public TimeSpan Grace { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>
/// Finishes processor calls a crash left journaled but unrecorded (a terminal that never retries, a restarted
/// service): each is made again with its key, the processor answers as the first time, and the answer is recorded.
/// Every request on the order does the same first, so this only matters for orders nobody touches again.
/// </summary>
public sealed class PendingCallRecovery(IServiceScopeFactory scopes, TimeProvider clock, RecoveryOptions options, ILogger<PendingCallRecovery> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RecoverAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Recovering journaled processor calls failed; retrying in {Interval}", options.Interval);
            }
        }
    }

    public async Task<int> RecoverAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
        var cutoff = clock.GetUtcNow() - options.Grace;
        var orders = await session.Query<OrderPayments>().Where(p => p.Pending.Any() && p.UpdatedAt < cutoff).Select(p => p.Id).Take(100).ToListAsync(ct);
        var engine = PaymentHttp.Engine(session, scope.ServiceProvider.GetRequiredService<IConnectors>(), clock);
        foreach (var orderId in orders)
        {
            await engine.RunAsync(orderId, null, (_, _) => PaymentStep.Finished, ct);
            logger.LogInformation("Recorded the processor's answers to calls left unrecorded for order {OrderId}", orderId);
        }
        return orders.Count;
    }
}
