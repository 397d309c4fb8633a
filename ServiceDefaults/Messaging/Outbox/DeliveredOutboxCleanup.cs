using System.Threading.Channels;
using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OmniChannel.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// Deletes the outbox rows of messages a consume has just sent, many consumes per transaction, instead of one
/// transaction per consume right after its sends: a consumed message then costs one commit, not two. Until a row
/// is deleted it is only a copy of a message that already went out; if this process dies first, the row is sent again
/// (by the redelivered message's consume, or by the delivery service after <see cref="MartenOutboxOptions.ConsumerOutboxTimeout"/>)
/// with its own MessageId, which the receiving inbox drops.
/// </summary>
internal sealed class DeliveredOutboxCleanup(IDocumentStore store, ILogger<DeliveredOutboxCleanup> logger) : BackgroundService
{
    private const int BatchSize = 1000;

    private readonly Channel<Guid> delivered = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(IEnumerable<Guid> outboxMessageIds)
    {
        foreach (var id in outboxMessageIds)
            delivered.Writer.TryWrite(id);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Guid>(BatchSize);
        try
        {
            while (await delivered.Reader.WaitToReadAsync(stoppingToken))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), stoppingToken); // let a few consumes join the batch
                await DeleteAsync(batch, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is queued is deleted below, the rest is resent and dropped as duplicates.
        }
        using var shutdown = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await DeleteAsync(batch, shutdown.Token);
    }

    private async Task DeleteAsync(List<Guid> batch, CancellationToken cancellationToken)
    {
        while (batch.Count > 0 || delivered.Reader.TryPeek(out _))
        {
            while (batch.Count < BatchSize && delivered.Reader.TryRead(out var id))
                batch.Add(id);
            try
            {
                await using var session = store.LightweightSession();
                var ids = batch.ToArray();
                session.DeleteWhere<OutboxMessage>(message => ids.Contains(message.Id)); // one statement: id = any(...)
                await session.SaveChangesAsync(cancellationToken);
                batch.Clear();
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Could not delete {Count} delivered outbox messages; trying again", batch.Count);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
