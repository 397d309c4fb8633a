using System.Diagnostics;
using MassTransit;
using OmniChannel.IntegrationTests.Infrastructure;
using OmniChannel.Messaging.Tests.Infrastructure;
using OmniChannel.Messaging.Tests.Model;
using OmniChannel.ServiceDefaults.Persistence;

namespace OmniChannel.Messaging.Tests;

/// <summary>
/// The outbox of code that is not a consumer, as an HTTP handler uses it: <c>session.PublishOnCommit</c> and
/// <c>session.SendOnCommit</c> in the session that holds the handler's writes.
/// </summary>
[Collection(MessagingCollection.Name)]
public sealed class BusOutboxTests(MessagingInfrastructure infrastructure)
{
    private TestService Items() => new TestService(infrastructure, "http").WithConsumer<ItemRegistrar>().WithConsumer<ItemAudit>();

    [Fact]
    public async Task A_committed_session_delivers_promptly_and_once_with_its_ids_and_the_trace_of_the_request()
    {
        // No poll for minutes: only the commit's wake-up can make the delivery service send it within the deadline.
        await using var service = await Items().WithOutbox(options => options.QueryDelay = TimeSpan.FromMinutes(10)).StartAsync();
        using var listener = ListenToAllActivities();
        var (itemId, correlationId) = (Guid.NewGuid(), Guid.NewGuid());
        using var request = new Activity("POST /api/inventory/items").Start();
        Guid? messageId = null;

        await using (var session = service.Store.LightweightSession())
        {
            session.Store(new Item(itemId, "Stove"));
            session.PublishOnCommit(new ItemRegistered(itemId, "Stove"), publish =>
            {
                publish.CorrelationId = correlationId;
                messageId = publish.MessageId;
            });
            await session.SaveChangesAsync();
        }
        request.Stop();

        await Poll.UntilAsync(async () => await service.CounterAsync(Keys.Audited(itemId)) == 1, Settling.Deadline, "the audit of the item");
        await service.SettleAsync();
        var delivery = Assert.Single(service.Deliveries.Of<ItemRegistered>(message => message.ItemId == itemId));
        Assert.Equal(messageId, delivery.MessageId);
        Assert.Equal(correlationId, delivery.CorrelationId);
        Assert.NotNull(delivery.ConversationId);
        Assert.True(ActivityContext.TryParse(delivery.ActivityId, null, out var parent), $"no trace parent in '{delivery.ActivityId}'");
        Assert.Equal(request.TraceId, parent.TraceId);
    }

    [Fact]
    public async Task A_session_that_is_not_committed_publishes_nothing()
    {
        await using var service = await Items().StartAsync();
        var itemId = Guid.NewGuid();

        await using (var session = service.Store.LightweightSession())
        {
            session.Store(new Item(itemId, "Tarp"));
            session.PublishOnCommit(new ItemRegistered(itemId, "Tarp"));
            // the handler fails before SaveChangesAsync
        }

        await service.SettleAsync();
        Assert.Equal(0, service.Deliveries.Count<ItemRegistered>(message => message.ItemId == itemId));
        Assert.Equal(0, await service.CounterAsync(Keys.Audited(itemId)));
    }

    [Fact]
    public async Task Send_on_commit_reaches_the_named_queue_once()
    {
        await using var service = await Items().StartAsync();
        var itemId = Guid.NewGuid();

        await using (var session = service.Store.LightweightSession())
        {
            session.SendOnCommit(new Uri($"queue:{service.QueueOf<ItemRegistrar>()}"), new RegisterItem(itemId, "Hammock"));
            await session.SaveChangesAsync();
        }

        await Poll.UntilAsync(async () => await service.CounterAsync(Keys.Audited(itemId)) == 1, Settling.Deadline, "the audit of the item");
        await service.SettleAsync();
        Assert.Equal(1, service.Deliveries.Count<RegisterItem>(message => message.ItemId == itemId));
        Assert.Equal(1, await service.CounterAsync(Keys.Registered(itemId)));
    }

    /// <summary>As OpenTelemetry does in a service: MassTransit and the outbox then create their activities.</summary>
    private static ActivityListener ListenToAllActivities()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "MassTransit" or "OmniChannel",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
