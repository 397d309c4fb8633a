using System.Collections.Concurrent;
using Marten;
using MassTransit;
using OmniChannel.Messaging.Tests.Infrastructure;

namespace OmniChannel.Messaging.Tests.Model;

/// <summary>A command whose consumer writes a document and publishes an event: the shape of most consumers here.</summary>
public sealed record RegisterItem(Guid ItemId, string Name)
{
    /// <summary>Throw after writing and publishing: nothing of it may commit or reach the broker.</summary>
    public bool FailAfterPublish { get; init; }

    /// <summary>Ask MassTransit's outbox to fail the first delivery after the commit (its MT-Fail-Delivery test hook).</summary>
    public bool FailFirstDelivery { get; init; }
}

public sealed record ItemRegistered(Guid ItemId, string Name);

public sealed record Item(Guid Id, string Name);

public sealed class ItemRegistrar(IDocumentSession session) : IConsumer<RegisterItem>
{
    public async Task Consume(ConsumeContext<RegisterItem> context)
    {
        var (itemId, name) = (context.Message.ItemId, context.Message.Name);
        session.Store(new Item(itemId, name));
        Counters.Increment(session, Keys.Registered(itemId));
        await session.SaveChangesAsync(context.CancellationToken); // only flushes: the outbox commits

        await context.Publish(new ItemRegistered(itemId, name), publish =>
        {
            if (context.Message.FailFirstDelivery)
                publish.Headers.Set("MT-Fail-Delivery", true);
        });

        Attempts.Record(itemId);
        if (context.Message.FailAfterPublish)
            throw new InvalidOperationException($"Item {itemId} fails after publishing, as the test asked.");
    }
}

/// <summary>The downstream consumer of the event, in its own endpoint with its own inbox.</summary>
public sealed class ItemAudit(IDocumentSession session) : IConsumer<ItemRegistered>
{
    public Task Consume(ConsumeContext<ItemRegistered> context)
    {
        Counters.Increment(session, Keys.Audited(context.Message.ItemId));
        return Task.CompletedTask;
    }
}

public static class Keys
{
    public static string Registered(Guid itemId) => $"registered/{itemId}";

    public static string Audited(Guid itemId) => $"audited/{itemId}";
}

/// <summary>How many times the registrar ran for an item, committed or not.</summary>
public static class Attempts
{
    private static readonly ConcurrentDictionary<Guid, int> Counts = new();

    public static void Record(Guid itemId) => Counts.AddOrUpdate(itemId, 1, (_, count) => count + 1);

    public static int Of(Guid itemId) => Counts.GetValueOrDefault(itemId);
}
