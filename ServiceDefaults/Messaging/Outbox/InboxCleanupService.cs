using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OmniChannel.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// Removes inbox records older than the duplicate-detection window: past it, a copy of a message counts as new.
/// Every instance may run it; deleting the same old rows twice is harmless.
/// </summary>
internal sealed class InboxCleanupService(IDocumentStore store, IOptions<MartenOutboxOptions> options, TimeProvider clock,
    ILogger<InboxCleanupService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.InboxCleanupInterval, clock);
        do
        {
            try
            {
                var cutoff = clock.GetUtcNow() - options.Value.DuplicateDetectionWindow;
                await using var session = store.LightweightSession();
                session.DeleteWhere<InboxState>(inbox => inbox.Received < cutoff);
                await session.SaveChangesAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Inbox cleanup failed; trying again in {Interval}", options.Value.InboxCleanupInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
