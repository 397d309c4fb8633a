using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace OmniChannel.Messaging.Tests.Infrastructure;

/// <summary>Looks into and cleans up the queues (and MassTransit's same-named exchanges) of a test service.</summary>
public static class RabbitMqQueues
{
    public static async Task<uint> CountAsync(string rabbitMq, string queue)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(rabbitMq) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (OperationInterruptedException)
        {
            return 0; // no such queue (MassTransit creates _error queues on first use)
        }
    }

    public static async Task DeleteAsync(string rabbitMq, IEnumerable<string> endpoints)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(rabbitMq) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        foreach (var name in endpoints.SelectMany(endpoint => new[] { endpoint, $"{endpoint}_error", $"{endpoint}_skipped" }))
        {
            await channel.QueueDeleteAsync(name);
            await channel.ExchangeDeleteAsync(name);
        }
    }
}
