using System.Text.Json;
using Marten;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OmniChannel.ServiceDefaults.Persistence;

/// <summary>
/// Publishes committed outbox messages to RabbitMQ, oldest first, and deletes each only after the broker confirmed
/// it. A crash in between publishes it again with the same MessageId (at least once): consumers are idempotent.
/// It wakes on every commit that carried messages and polls every second for what a crash left behind.
/// </summary>
internal sealed class OutboxRelay(IDocumentStore store, IBus bus, OutboxSignal signal, ILogger<OutboxRelay> logger) : BackgroundService
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private const int BatchSize = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var published = await RelayBatchAsync(stoppingToken);
                backoff = TimeSpan.FromSeconds(1);
                if (published < BatchSize)
                    await signal.WaitAsync(TimeSpan.FromSeconds(1), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Outbox relay failed; retrying in {Backoff}", backoff);
                await Task.Delay(backoff, stoppingToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }
    }

    private async Task<int> RelayBatchAsync(CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var pending = await session.Query<OutboxMessage>()
            .OrderBy(message => message.CreatedAt)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        foreach (var message in pending)
        {
            var type = Type.GetType(message.MessageType, throwOnError: true)!;
            var body = JsonSerializer.Deserialize(message.Body, type, Json)!;
            await bus.Publish(body, type, context => context.MessageId = message.Id, cancellationToken);
            session.Delete(message);
        }

        if (pending.Count > 0)
            await session.SaveChangesAsync(cancellationToken);
        return pending.Count;
    }
}
