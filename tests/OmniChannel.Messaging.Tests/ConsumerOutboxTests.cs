using Marten;
using MassTransit;
using Npgsql;
using OmniChannel.IntegrationTests.Infrastructure;
using OmniChannel.Messaging.Tests.Infrastructure;
using OmniChannel.Messaging.Tests.Model;
using OmniChannel.ServiceDefaults.Messaging.Outbox;

namespace OmniChannel.Messaging.Tests;

/// <summary>A consumer under the Marten outbox: its writes, its inbox record and what it publishes, all or nothing.</summary>
[Collection(MessagingCollection.Name)]
public sealed class ConsumerOutboxTests(MessagingInfrastructure infrastructure)
{
    private TestService Items() => new TestService(infrastructure, "items").WithConsumer<ItemRegistrar>().WithConsumer<ItemAudit>();

    [Fact]
    public async Task Writes_inbox_and_published_event_commit_together_and_the_event_arrives_once()
    {
        await using var service = await Items().StartAsync();
        var (itemId, messageId) = (Guid.NewGuid(), NewId.NextGuid());

        await service.Bus.Publish(new RegisterItem(itemId, "Camp mug"), send => send.MessageId = messageId);

        await Poll.UntilAsync(async () => await service.CounterAsync(Keys.Audited(itemId)) == 1, Settling.Deadline, "the audit of the item");
        await service.SettleAsync();
        await using var session = service.Store.QuerySession();
        Assert.Equal("Camp mug", (await session.LoadAsync<Item>(itemId))?.Name);
        var inbox = Assert.Single(await session.Query<InboxState>().Where(record => record.MessageId == messageId).ToListAsync());
        Assert.NotNull(inbox.Consumed);
        // The sent message's outbox row is deleted after the send, in a batch with other consumes' rows.
        await Poll.UntilAsync(async () =>
        {
            await using var query = service.Store.QuerySession();
            return !await query.Query<OutboxMessage>().AnyAsync(message => message.InboxId == inbox.Id);
        }, Settling.Deadline, "the delivered outbox row to be deleted");
        Assert.Equal(1, await service.CounterAsync(Keys.Registered(itemId)));
        Assert.Equal(1, service.Deliveries.Count<ItemRegistered>(message => message.ItemId == itemId));
        Assert.Equal(1, await service.CounterAsync(Keys.Audited(itemId)));
        // The document and the counter row were written by one PostgreSQL transaction (same xmin).
        Assert.Equal(await TransactionOf($"select xmin::text from {service.Name}.mt_doc_item where id = $1", itemId),
            await TransactionOf("select xmin::text from public.effect_counter where key = $1", Keys.Registered(itemId)));
    }

    [Fact]
    public async Task The_same_message_id_twice_changes_nothing_twice()
    {
        await using var service = await Items().StartAsync();
        var (itemId, messageId) = (Guid.NewGuid(), NewId.NextGuid());
        var command = new RegisterItem(itemId, "Lantern");

        // Two copies at once (they race to the inbox), then a late one after the first was fully handled.
        await Task.WhenAll(service.Bus.Publish(command, send => send.MessageId = messageId),
            service.Bus.Publish(command, send => send.MessageId = messageId));
        await Poll.UntilAsync(async () => await service.CounterAsync(Keys.Audited(itemId)) == 1, Settling.Deadline, "the audit of the item");
        await service.SettleAsync();
        await service.Bus.Publish(command, send => send.MessageId = messageId);
        await service.SettleAsync();

        Assert.Equal(3, service.Deliveries.Count<RegisterItem>(message => message.ItemId == itemId));
        Assert.Equal(1, await service.CounterAsync(Keys.Registered(itemId)));
        Assert.Equal(1, await service.CounterAsync(Keys.Audited(itemId)));
    }

    [Fact]
    public async Task A_consumer_that_throws_after_publishing_commits_nothing_publishes_nothing_and_ends_in_error()
    {
        await using var service = await Items().StartAsync();
        var itemId = Guid.NewGuid();

        await service.Bus.Publish(new RegisterItem(itemId, "Broken stove") { FailAfterPublish = true });

        var errorQueue = $"{service.QueueOf<ItemRegistrar>()}_error";
        await Poll.UntilAsync(async () => await service.MessagesInQueueAsync(errorQueue) == 1, Settling.Deadline, "the message in " + errorQueue);
        await service.SettleAsync();
        Assert.Equal(3, Attempts.Of(itemId)); // the first try and RetryLimit=2 retries
        await using var session = service.Store.QuerySession();
        Assert.Null(await session.LoadAsync<Item>(itemId));
        Assert.Equal(0, await service.CounterAsync(Keys.Registered(itemId)));
        Assert.Equal(0, service.Deliveries.Count<ItemRegistered>(message => message.ItemId == itemId));
        Assert.Equal(0, await service.CounterAsync(Keys.Audited(itemId)));
    }

    [Fact]
    public async Task A_delivery_that_fails_after_the_commit_is_retried_without_consuming_again()
    {
        await using var service = await Items().StartAsync();
        var itemId = Guid.NewGuid();

        await service.Bus.Publish(new RegisterItem(itemId, "Tent") { FailFirstDelivery = true });

        await Poll.UntilAsync(async () => await service.CounterAsync(Keys.Audited(itemId)) == 1, Settling.Deadline, "the audit of the item");
        await service.SettleAsync();
        Assert.Equal(1, Attempts.Of(itemId));
        Assert.Equal(1, await service.CounterAsync(Keys.Registered(itemId)));
        Assert.Equal(1, service.Deliveries.Count<ItemRegistered>(message => message.ItemId == itemId));
        Assert.Equal(0, await service.MessagesInQueueAsync($"{service.QueueOf<ItemRegistrar>()}_error"));
    }

    [Fact]
    public async Task Inbox_records_are_removed_after_the_duplicate_detection_window_and_a_later_copy_counts_as_new()
    {
        await using var service = await Items().WithOutbox(options =>
        {
            options.DuplicateDetectionWindow = TimeSpan.FromSeconds(1);
            options.InboxCleanupInterval = TimeSpan.FromMilliseconds(200);
        }).StartAsync();
        var (itemId, messageId) = (Guid.NewGuid(), NewId.NextGuid());
        var command = new RegisterItem(itemId, "Compass");

        await service.Bus.Publish(command, send => send.MessageId = messageId);
        await Poll.UntilAsync(async () => await service.CounterAsync(Keys.Registered(itemId)) == 1, Settling.Deadline, "the first registration");
        await Poll.UntilAsync(async () =>
        {
            await using var session = service.Store.QuerySession();
            return !await session.Query<InboxState>().AnyAsync(record => record.MessageId == messageId);
        }, Settling.Deadline, "the inbox record to be cleaned up");

        await service.Bus.Publish(command, send => send.MessageId = messageId);
        await Poll.UntilAsync(async () => await service.CounterAsync(Keys.Registered(itemId)) == 2, Settling.Deadline, "the copy to count as new");
    }

    private async Task<string?> TransactionOf(string sql, object key)
    {
        await using var dataSource = NpgsqlDataSource.Create(infrastructure.Postgres);
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        return (string?)await command.ExecuteScalarAsync();
    }
}
