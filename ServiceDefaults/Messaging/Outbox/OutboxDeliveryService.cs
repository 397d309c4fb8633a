using System.Diagnostics;
using Marten;
using MassTransit;
using MassTransit.Logging;
using MassTransit.Middleware;
using MassTransit.Serialization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// Sends what waits in the outbox without a consume to send it: messages of <c>session.PublishOnCommit</c> (woken
/// by their commit, so promptly) and messages a consumer published that its own delivery has not sent within
/// <see cref="MartenOutboxOptions.ConsumerOutboxTimeout"/>. Oldest first; rows are locked with SKIP LOCKED, so the
/// instances of a service share the work, and each row is deleted in the same transaction once the broker confirmed
/// it. A crash in between sends it again, with the same MessageId, which the receiving inbox drops.
/// </summary>
internal sealed class OutboxDeliveryService(IDocumentStore store, IBusControl bus, OutboxSignal signal, OwnInitiator own,
    IOptions<MartenOutboxOptions> options, ILogger<OutboxDeliveryService> logger) : BackgroundService
{
    private const string DueMessages =
        "where d.inbox_id is null or d.created < ? order by d.sequence_number limit ? for update skip locked";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var backoff = settings.QueryDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await WaitForBusAsync(stoppingToken);
                var sent = await DeliverBatchAsync(settings, stoppingToken);
                backoff = settings.QueryDelay;
                if (sent < settings.QueryMessageLimit)
                    await signal.WaitAsync(settings.QueryDelay, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Outbox delivery failed; retrying in {Backoff}", backoff);
                await Task.Delay(backoff, stoppingToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }
    }

    /// <summary>Until the bus runs; a degraded bus (one faulted endpoint) still sends, so that does not stop delivery.</summary>
    private async Task WaitForBusAsync(CancellationToken cancellationToken)
    {
        while (bus.CheckHealth().Status == BusHealthStatus.Unhealthy)
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
    }

    private async Task<int> DeliverBatchAsync(MartenOutboxOptions settings, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        await session.BeginTransactionAsync(cancellationToken);
        var due = await session.QueryAsync<OutboxMessage>(DueMessages, cancellationToken,
            DateTimeOffset.UtcNow - settings.ConsumerOutboxTimeout, settings.QueryMessageLimit);

        var (sent, failedInARow) = (0, 0);
        foreach (var message in due)
        {
            if (ResolveDestination(message) is not { } destination)
                continue;
            try
            {
                await SendAsync(new StoredOutboxMessage(message, destination), destination, settings, cancellationToken);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Could not send outbox message {MessageId} to {Destination}", message.MessageId, destination);
                // One bad message must not hold up the others; two in a row look like the broker: stop until the next pass.
                if (++failedInARow == 2)
                    break;
                continue;
            }
            session.Delete(message);
            (sent, failedInARow) = (sent + 1, 0);
        }
        await session.SaveChangesAsync(cancellationToken);
        return sent;
    }

    private async Task SendAsync(StoredOutboxMessage message, Uri destination, MartenOutboxOptions settings, CancellationToken cancellationToken)
    {
        // Continues the trace of whatever wrote the message, across the wait: MassTransit's send below becomes this
        // activity's child, and its MT-Activity-Id header the parent of the consumer's receive. (Without a listener for
        // this activity, MassTransit reads the stored MT-Activity-Id itself, without the tracestate.)
        using var activity = Telemetry.ActivitySource.StartActivity("outbox deliver", ActivityKind.Producer, ParentOf(message));
        activity?.SetTag(DiagnosticHeaders.MessageId, message.MessageId.ToString());

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.MessageDeliveryTimeout);
        var endpoint = await bus.GetSendEndpoint(destination);
        await endpoint.Send(new SerializedMessageBody(), new StoredMessagePipe(message, destination, own.Initiator), timeout.Token);
    }

    /// <summary>
    /// The stored envelope as it was written, and the service as the initiator of one written without (a session of the
    /// store's own: a job, a recovery). MassTransit's scoped send filters skip stored messages, so it is done here.
    /// </summary>
    private sealed class StoredMessagePipe(StoredOutboxMessage message, Uri destination, Initiator own) : IPipe<SendContext>
    {
        private readonly OutboxMessageSendPipe stored = new(message, destination);

        public async Task Send(SendContext context)
        {
            await stored.Send(context);
            InitiatorHeader.SetIfAbsent(context.Headers, own);
        }

        public void Probe(ProbeContext context) => stored.Probe(context);
    }

    /// <summary>The stored trace; for a row written before it was stored, the traceparent of its MT-Activity-Id header.</summary>
    private static ActivityContext ParentOf(StoredOutboxMessage message)
    {
        if (message.Document.Trace is { } trace)
            return trace.Parent;
        ActivityContext.TryParse(message.Headers.Get<string>(DiagnosticHeaders.ActivityId), null, isRemote: true, out var parent);
        return parent;
    }

    private Uri? ResolveDestination(OutboxMessage message)
    {
        if (message.DestinationAddress is { } address)
            return address;
        if (message.PublishType is { } typeName && Type.GetType(typeName) is { } type && bus.Topology.TryGetPublishAddress(type, out var publishAddress))
            return publishAddress;
        logger.LogError("Outbox message {MessageId} has no destination and its type {Type} is unknown here; it stays in the outbox",
            message.MessageId, message.PublishType);
        return null;
    }
}
