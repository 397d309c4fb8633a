using System.Collections.Concurrent;
using System.Text;
using MassTransit;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;

namespace OmniChannel.ServiceDefaults.Messaging;

/// <summary>
/// Where the platform's receive queues are written down, so the operators' error-queue view (the order worker's
/// <c>/operations/error-queues</c>) finds every <c>*_error</c> queue without RabbitMQ's management plugin, which Debian's
/// node here runs without (deploy/local/rabbitmq.sh), and AMQP cannot list queues. Each service keeps, in a durable queue
/// <c>omnichannel.queues.{service}</c> of at most one message (<c>x-max-length</c> 1: a new list pushes the old one out),
/// the names of its receive queues, one a line, written as each of its endpoints becomes ready.
/// </summary>
public sealed class QueueDirectory(string serviceName, Uri rabbitmq, ILogger<QueueDirectory> logger) : IReceiveEndpointObserver
{
    public const string Prefix = "omnichannel.queues.";

    private readonly ConcurrentDictionary<string, bool> queues = new();
    private readonly SemaphoreSlim writing = new(1, 1);

    /// <summary>The directory queue's arguments: every declaration must repeat them (RabbitMQ refuses a differing one).</summary>
    public static readonly Dictionary<string, object?> Arguments = new() { ["x-max-length"] = 1 };

    public static string DirectoryQueue(string service) => Prefix + service;

    public async Task Ready(ReceiveEndpointReady ready)
    {
        var queue = ready.InputAddress.AbsolutePath.Split('/').LastOrDefault() ?? "";
        if (!queue.StartsWith(serviceName + "-", StringComparison.Ordinal) || !queues.TryAdd(queue, true))
            return; // the bus's own temporary queue, or known already
        await writing.WaitAsync();
        try
        {
            var factory = new ConnectionFactory { Uri = rabbitmq, ClientProvidedName = $"{serviceName} queue directory" };
            await using var connection = await factory.CreateConnectionAsync();
            await using var channel = await connection.CreateChannelAsync();
            await channel.QueueDeclareAsync(DirectoryQueue(serviceName), durable: true, exclusive: false, autoDelete: false, arguments: Arguments);
            var body = Encoding.UTF8.GetBytes(string.Join('\n', queues.Keys.Order(StringComparer.Ordinal)));
            await channel.BasicPublishAsync("", DirectoryQueue(serviceName), mandatory: false, new BasicProperties { Persistent = true }, body);
        }
        catch (Exception exception)
        {
            // The directory serves the operators' view only: the service runs on without it.
            logger.LogWarning(exception, "Could not write {Queue} to the queue directory", queue);
        }
        finally
        {
            writing.Release();
        }
    }

    public Task Completed(ReceiveEndpointCompleted completed) => Task.CompletedTask;

    public Task Stopping(ReceiveEndpointStopping stopping) => Task.CompletedTask;

    public Task Faulted(ReceiveEndpointFaulted faulted) => Task.CompletedTask;
}
