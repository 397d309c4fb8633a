using Marten;
using MassTransit;
using OmniChannel.IntegrationTests.Infrastructure;
using OmniChannel.Messaging.Tests.Infrastructure;
using OmniChannel.Messaging.Tests.Model;
using OmniChannel.ServiceDefaults.Messaging.Outbox;
using OmniChannel.ServiceDefaults.Persistence;

namespace OmniChannel.Messaging.Tests;

/// <summary>
/// A process that dies between its commit and the broker's confirmation leaves outbox rows behind; the delivery
/// service of the next process sends them, once each, with their MessageId.
/// </summary>
[Collection(MessagingCollection.Name)]
public sealed class CrashRecoveryTests(MessagingInfrastructure infrastructure)
{
    [Fact]
    public async Task Messages_committed_by_an_http_handler_while_nothing_delivered_are_sent_after_the_restart()
    {
        await using var service = new TestService(infrastructure, "crashhttp").WithConsumer<ItemRegistrar>().WithConsumer<ItemAudit>();
        service.Build(); // the store works, but no bus and no delivery service run yet
        var itemId = Guid.NewGuid();
        await using (var session = service.Store.LightweightSession())
        {
            session.Store(new Item(itemId, "Kayak"));
            session.PublishOnCommit(new ItemRegistered(itemId, "Kayak"));
            await session.SaveChangesAsync();
        }

        await service.StartAsync();

        await Poll.UntilAsync(async () => await service.CounterAsync(Keys.Audited(itemId)) == 1, Settling.Deadline, "the audit of the item");
        await service.SettleAsync();
        Assert.Equal(1, service.Deliveries.Count<ItemRegistered>(message => message.ItemId == itemId));
    }

    [Fact]
    public async Task Messages_a_consumer_committed_but_never_sent_are_sent_by_the_delivery_service_and_a_redelivery_adds_nothing()
    {
        await using var service = new TestService(infrastructure, "crashconsume")
            .WithConsumer<ItemRegistrar>().WithConsumer<ItemAudit>()
            .WithOutbox(options => options.ConsumerOutboxTimeout = TimeSpan.FromSeconds(5));
        await service.StartAsync();
        var (itemId, messageId) = (Guid.NewGuid(), NewId.NextGuid());
        var command = new RegisterItem(itemId, "Canoe");
        await service.Bus.Publish(command, send => send.MessageId = messageId);
        await Poll.UntilAsync(async () => await service.CounterAsync(Keys.Audited(itemId)) == 1, Settling.Deadline, "the first audit");
        await service.SettleAsync();
        await service.StopAsync();

        // Put the database where a crash right after the consume's commit leaves it: consumed, not delivered, and the
        // published message still in the outbox (here a second event, to tell it from the one already delivered).
        var lateItemId = Guid.NewGuid();
        service.Build();
        await using (var session = service.Store.LightweightSession())
        {
            var inbox = await session.Query<InboxState>().SingleAsync(record => record.MessageId == messageId);
            inbox.Delivered = null;
            session.UpdateRevision(inbox, inbox.Version + 1);
            session.PublishOnCommit(new ItemRegistered(lateItemId, "Paddle"));
            var written = session.PendingChanges.InsertsFor<OutboxMessage>().Single();
            written.InboxId = inbox.Id;
            written.Created = DateTimeOffset.UtcNow - TimeSpan.FromMinutes(1); // older than ConsumerOutboxTimeout
            await session.SaveChangesAsync();
        }

        await service.StartAsync();
        await Poll.UntilAsync(async () => await service.CounterAsync(Keys.Audited(lateItemId)) == 1, Settling.Deadline, "the audit of the left-behind event");

        // The broker redelivers the original command too: the consumer does not run again, nothing is sent twice.
        await service.Bus.Publish(command, send => send.MessageId = messageId);
        await service.SettleAsync();
        await using var check = service.Store.QuerySession();
        Assert.NotNull((await check.Query<InboxState>().SingleAsync(record => record.MessageId == messageId)).Delivered);
        Assert.Equal(1, await service.CounterAsync(Keys.Registered(itemId)));
        Assert.Equal(1, service.Deliveries.Count<ItemRegistered>(message => message.ItemId == lateItemId));
        Assert.Equal(1, await service.CounterAsync(Keys.Audited(lateItemId)));
        Assert.Equal(1, await service.CounterAsync(Keys.Audited(itemId)));
    }
}
