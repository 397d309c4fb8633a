using System.Text;
using MassTransit;
using Microsoft.Extensions.Options;
using OmniChannel.ServiceDefaults.Messaging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace OmniChannel.Order.Features.OperatorQueues;

/// <summary>
/// One message of an error queue as an operator sees it: what it is and why it failed, from MassTransit's headers and
/// the broker's properties. Never its body: a message can hold a customer's contact or a card token.
/// </summary>
/// <param name="SourceQueue">The queue it failed on, where "move back" puts it (MassTransit's MT-Fault-InputAddress).</param>
public sealed record ErrorQueueMessage(string Queue, string? MessageId, string? MessageType, string? SourceQueue, string? FaultReason,
    string? ExceptionType, DateTimeOffset? FailedAt);

/// <param name="Messages">The first messages, oldest first (at most <see cref="ErrorQueues.MaxListed"/>).</param>
public sealed record ErrorQueueView(string Queue, uint Count, DateTimeOffset? OldestFailedAt, IReadOnlyList<ErrorQueueMessage> Messages);

public enum MoveBackOutcome { Moved, QueueNotFound, MessageNotFound, NoSource }

/// <summary>
/// The platform's error queues over plain AMQP (RabbitMQ.Client, MassTransit's own client; no management plugin): found
/// through the queue directory every service writes (<see cref="QueueDirectory"/>), read without taking anything (each
/// message is fetched unacknowledged and handed back with a requeue, which returns it to its place), and one message moved
/// back to the queue it failed on: published there with publisher confirms, and only then acknowledged from the error
/// queue, so a crash between the two leaves a copy in both rather than in neither (its consumer is idempotent: the inbox).
/// </summary>
public sealed class ErrorQueues(IConfiguration configuration, IOptions<OperatorQueueOptions> options)
{
    public const int MaxListed = 100;
    private const int MaxMoveScan = 10_000;
    private const int MaxReason = 500;

    private readonly ConnectionFactory factory = new()
    {
        Uri = new Uri(configuration.GetConnectionString("rabbitmq") ?? throw new InvalidOperationException("ConnectionStrings:rabbitmq is not set.")),
        ClientProvidedName = "order-worker error queues",
    };

    /// <summary>Every error queue that exists, with its count, its oldest message and up to <paramref name="listed"/> messages.</summary>
    public async Task<IReadOnlyList<ErrorQueueView>> ListAsync(int listed, CancellationToken ct)
    {
        await using var connection = await factory.CreateConnectionAsync(ct);
        var views = new List<ErrorQueueView>();
        foreach (var queue in await ErrorQueueNamesAsync(connection, ct))
        {
            await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
            if (await CountAsync(channel, queue, ct) is not { } count)
                continue;
            var messages = await BrowseAsync(channel, queue, Math.Max(1, listed), ct);
            views.Add(new ErrorQueueView(queue, count, messages.FirstOrDefault()?.FailedAt, messages.Take(listed).ToList()));
        }
        return views;
    }

    /// <summary>Whether <paramref name="queue"/> is one of the platform's error queues and exists now.</summary>
    public async Task<bool> ExistsAsync(string queue, CancellationToken ct)
    {
        await using var connection = await factory.CreateConnectionAsync(ct);
        return (await ErrorQueueNamesAsync(connection, ct)).Contains(queue);
    }

    /// <summary>Moves the message with <paramref name="messageId"/> from <paramref name="queue"/> back to the queue it failed on.</summary>
    public async Task<(MoveBackOutcome Outcome, ErrorQueueMessage? Message)> MoveBackAsync(string queue, string messageId, CancellationToken ct)
    {
        await using var connection = await factory.CreateConnectionAsync(ct);
        if (!(await ErrorQueueNamesAsync(connection, ct)).Contains(queue))
            return (MoveBackOutcome.QueueNotFound, null);
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true,
            publisherConfirmationTrackingEnabled: true), ct);
        ulong? requeueUpTo = null; // delivery tags grow on a channel: every message fetched and not moved is at or below it
        try
        {
            for (var scanned = 0; scanned < MaxMoveScan; scanned++)
            {
                if (await channel.BasicGetAsync(queue, autoAck: false, ct) is not { } got)
                    break;
                if (got.BasicProperties.MessageId != messageId)
                {
                    requeueUpTo = got.DeliveryTag;
                    continue;
                }
                var message = Describe(queue, got);
                if (message.SourceQueue is not { } source || !await QueueExistsAsync(connection, source, ct))
                {
                    requeueUpTo = got.DeliveryTag;
                    return (MoveBackOutcome.NoSource, message);
                }
                var properties = new BasicProperties(got.BasicProperties);
                if (properties.Headers is { } headers)
                    foreach (var fault in headers.Keys.Where(k => k.StartsWith("MT-Fault-", StringComparison.Ordinal) || k == MessageHeaders.Reason).ToList())
                        headers.Remove(fault);
                await channel.BasicPublishAsync("", source, mandatory: false, properties, got.Body, ct); // confirmed, or it throws
                await channel.BasicAckAsync(got.DeliveryTag, multiple: false, ct);
                return (MoveBackOutcome.Moved, message);
            }
            return (MoveBackOutcome.MessageNotFound, null);
        }
        finally
        {
            if (requeueUpTo is { } tag)
                await channel.BasicNackAsync(tag, multiple: true, requeue: true, CancellationToken.None); // the others, back in their place
        }
    }

    /// <summary>The error queues of every service's receive queues, as the queue directory names them, that exist.</summary>
    private async Task<IReadOnlyList<string>> ErrorQueueNamesAsync(IConnection connection, CancellationToken ct)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var service in options.Value.Services)
        {
            await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
            if (await CountAsync(channel, QueueDirectory.DirectoryQueue(service), ct) is not > 0)
                continue;
            if (await channel.BasicGetAsync(QueueDirectory.DirectoryQueue(service), autoAck: false, ct) is { } directory)
            {
                foreach (var queue in Encoding.UTF8.GetString(directory.Body.Span).Split('\n', StringSplitOptions.RemoveEmptyEntries))
                    names.Add(queue + "_error");
                await channel.BasicNackAsync(directory.DeliveryTag, multiple: false, requeue: true, ct);
            }
        }
        var existing = new List<string>();
        foreach (var name in names)
            if (await QueueExistsAsync(connection, name, ct))
                existing.Add(name);
        return existing;
    }

    private static async Task<bool> QueueExistsAsync(IConnection connection, string queue, CancellationToken ct)
    {
        await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
        return await CountAsync(channel, queue, ct) is not null;
    }

    /// <summary>The queue's ready messages, or null when it does not exist (a passive declaration's 404 closes the channel).</summary>
    private static async Task<uint?> CountAsync(IChannel channel, string queue, CancellationToken ct)
    {
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue, ct)).MessageCount;
        }
        catch (OperationInterruptedException missing) when (missing.ShutdownReason?.ReplyCode == 404)
        {
            return null;
        }
    }

    private static async Task<IReadOnlyList<ErrorQueueMessage>> BrowseAsync(IChannel channel, string queue, int count, CancellationToken ct)
    {
        var messages = new List<ErrorQueueMessage>();
        ulong? lastTag = null;
        try
        {
            while (messages.Count < count && await channel.BasicGetAsync(queue, autoAck: false, ct) is { } got)
            {
                lastTag = got.DeliveryTag;
                messages.Add(Describe(queue, got));
            }
        }
        finally
        {
            if (lastTag is { } tag)
                await channel.BasicNackAsync(tag, multiple: true, requeue: true, CancellationToken.None);
        }
        return messages;
    }

    /// <summary>
    /// The message's metadata from its properties and MassTransit's fault headers. The reason is the exception's message,
    /// which the services write with ids, never personal data, and with a processor's quoted card token already masked
    /// (HttpConnector); it is cut at 500 characters.
    /// </summary>
    public static ErrorQueueMessage Describe(string queue, BasicGetResult got)
    {
        var headers = got.BasicProperties.Headers;
        string? Header(string name) => headers is not null && headers.TryGetValue(name, out var value) ? value switch
        {
            byte[] bytes => Encoding.UTF8.GetString(bytes),
            null => null,
            _ => value.ToString(),
        } : null;
        var source = Header(MessageHeaders.FaultInputAddress) is { } address && Uri.TryCreate(address, UriKind.Absolute, out var uri)
            ? uri.AbsolutePath.Split('/').LastOrDefault(s => s.Length > 0) : null;
        var failedAt = DateTimeOffset.TryParse(Header(MessageHeaders.FaultTimestamp), System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at : (DateTimeOffset?)null;
        var reason = Header(MessageHeaders.FaultMessage);
        return new ErrorQueueMessage(queue, got.BasicProperties.MessageId, Header(MessageHeaders.FaultMessageType)?.Split(';')[0], source,
            reason is null || reason.Length <= MaxReason ? reason : reason[..MaxReason], Header(MessageHeaders.FaultExceptionType),
            failedAt);
    }
}
