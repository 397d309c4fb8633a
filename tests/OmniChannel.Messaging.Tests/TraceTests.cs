using System.Diagnostics;
using MassTransit;
using OmniChannel.IntegrationTests.Infrastructure;
using OmniChannel.Messaging.Tests.Infrastructure;
using OmniChannel.Messaging.Tests.Model;
using OmniChannel.ServiceDefaults.Persistence;

namespace OmniChannel.Messaging.Tests;

/// <summary>
/// Issue 10, one trace per order: a message that waited in the outbox is consumed in the trace of the activity that
/// wrote it, whether the delivery service sent it later (<c>PublishOnCommit</c>) or the consume that published it did.
/// </summary>
[Collection(MessagingCollection.Name)]
public sealed class TraceTests(MessagingInfrastructure infrastructure)
{
    private TestService Items() => new TestService(infrastructure, "trace").WithConsumer<ItemRegistrar>().WithConsumer<ItemAudit>();

    [Fact]
    public async Task A_message_published_on_commit_is_consumed_in_the_trace_of_the_request_with_its_tracestate()
    {
        await using var service = await Items().StartAsync();
        using var traces = new TraceRecorder();
        var itemId = Guid.NewGuid();
        using var request = new Activity("POST /api/inventory/items") { TraceStateString = "omni=t1" }.Start();
        Guid? messageId = null;

        await using (var session = service.Store.LightweightSession())
        {
            session.PublishOnCommit(new ItemRegistered(itemId, "Lantern"), publish => messageId = publish.MessageId);
            await session.SaveChangesAsync();
        }
        request.Stop();

        var consumed = await ConsumedAsync<ItemAudit>(traces, messageId!.Value);
        Assert.Equal(request.TraceId, consumed.TraceId);
        var delivery = Assert.Single(traces.Named("outbox deliver"), a => a.GetTagItem("messaging.masstransit.message_id") as string == messageId.ToString());
        Assert.Equal(request.SpanId, delivery.ParentSpanId);
        Assert.Equal("omni=t1", delivery.TraceStateString);
    }

    [Fact]
    public async Task A_message_a_consumer_published_is_consumed_in_the_trace_of_the_message_it_consumed()
    {
        await using var service = await Items().StartAsync();
        using var traces = new TraceRecorder();
        var itemId = Guid.NewGuid();
        using var request = new Activity("POST /api/inventory/items").Start();

        await service.Bus.Publish(new RegisterItem(itemId, "Kettle"));
        request.Stop();

        await Poll.UntilAsync(async () => await service.CounterAsync(Keys.Audited(itemId)) == 1, Settling.Deadline, "the audit of the item");
        var registered = service.Deliveries.Of<ItemRegistered>(message => message.ItemId == itemId).Single().MessageId!.Value;
        var audited = await ConsumedAsync<ItemAudit>(traces, registered);
        Assert.Equal(request.TraceId, audited.TraceId);
    }

    [Fact]
    public async Task The_stored_message_keeps_the_trace_that_wrote_it()
    {
        await using var service = Items().Build();
        using var request = new Activity("POST /api/inventory/items") { TraceStateString = "omni=t2" }.Start();

        await using var session = service.Store.LightweightSession();
        session.PublishOnCommit(new ItemRegistered(Guid.NewGuid(), "Tarp"));
        var written = session.PendingChanges.InsertsFor<ServiceDefaults.Messaging.Outbox.OutboxMessage>().Single();

        Assert.Equal(request.Id, written.Trace?.TraceParent);
        Assert.Equal("omni=t2", written.Trace?.TraceState);
        Assert.Equal(request.TraceId, written.Trace!.Parent.TraceId);
    }

    /// <summary>The consume activity (MassTransit's "process") of that consumer for that message, once it has stopped.</summary>
    private static async Task<Activity> ConsumedAsync<TConsumer>(TraceRecorder traces, Guid messageId) =>
        await Poll.UntilAsync(() => Task.FromResult(traces.Consumed<TConsumer>(messageId).FirstOrDefault()), Settling.Deadline,
            $"{typeof(TConsumer).Name} consuming {messageId}");
}
