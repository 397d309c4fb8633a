using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using OmniChannel.IntegrationTests.Infrastructure;
using OmniChannel.Messaging.Tests.Infrastructure;
using OmniChannel.Messaging.Tests.Model;
using OmniChannel.ServiceDefaults.Messaging.Outbox;
using OmniChannel.ServiceDefaults.Persistence;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.Messaging.Tests;

/// <summary>
/// Issue 12, messages carry who started them: a request's caller reaches the events and messages of every consumer
/// downstream, through the outbox's wait; work nobody asked for (a job, a session of the store's own) is the service's.
/// </summary>
[Collection(MessagingCollection.Name)]
public sealed class InitiatorTests(MessagingInfrastructure infrastructure)
{
    private static readonly Initiator Cashier = new(InitiatorKinds.Cashier, "1001", "HOUSTON", "T1");

    private TestService Visits() => new TestService(infrastructure, "initiator").WithConsumer<VisitRecorder>().WithConsumer<VisitAudit>();

    [Fact]
    public async Task A_requests_caller_reaches_its_events_the_consumers_events_and_the_consumers_messages()
    {
        await using var service = await Visits().StartAsync();
        var visitId = Guid.NewGuid();

        // As an HTTP handler works: the middleware has set the scope's initiator, then the handler gets its session.
        await using (var request = service.Services.CreateAsyncScope())
        {
            request.ServiceProvider.GetRequiredService<InitiatorAccessor>().Set(Cashier);
            var session = request.ServiceProvider.GetRequiredService<IDocumentSession>();
            session.Events.StartStream(visitId, new VisitRequested(visitId));
            session.PublishOnCommit(new RecordVisit(visitId));
            await session.SaveChangesAsync();
        }

        var recorded = await DeliveredAsync<VisitRecorded>(service, visitId);
        Assert.Equal(Cashier, Initiator.Parse(service.Deliveries.Of<RecordVisit>(m => m.VisitId == visitId).Single().Initiator));
        Assert.Equal(Cashier, Initiator.Parse(recorded.Initiator)); // sent by the consumer, through its outbox
        Assert.Equal(new Initiator?[] { Cashier, Cashier }, await EventInitiatorsAsync(service, visitId)); // the request's event and the consumer's
    }

    [Fact]
    public async Task Work_nobody_started_is_the_services_own_and_its_consumers_carry_that_on()
    {
        await using var service = await Visits().StartAsync();
        var (onCommit, published) = (Guid.NewGuid(), Guid.NewGuid());

        await using (var session = service.Store.LightweightSession()) // a job's session, no scope, no initiator
        {
            session.PublishOnCommit(new RecordVisit(onCommit));
            await session.SaveChangesAsync();
        }
        await service.Bus.Publish(new RecordVisit(published)); // the bus itself, outside any scope

        var own = Initiator.Service(service.Name);
        foreach (var visitId in new[] { onCommit, published })
        {
            var recorded = await DeliveredAsync<VisitRecorded>(service, visitId);
            Assert.Equal(own, Initiator.Parse(service.Deliveries.Of<RecordVisit>(m => m.VisitId == visitId).Single().Initiator));
            Assert.Equal(own, Initiator.Parse(recorded.Initiator));
            Assert.Equal(new Initiator?[] { own }, await EventInitiatorsAsync(service, visitId));
        }
    }

    [Fact]
    public async Task A_message_keeps_the_initiator_it_was_written_with_when_the_delivery_service_sends_it_later()
    {
        await using var service = Visits().Build(); // nothing delivers yet
        var visitId = Guid.NewGuid();
        await using (var session = service.Store.LightweightSession())
        {
            session.ActFor(Cashier);
            session.PublishOnCommit(new RecordVisit(visitId));
            var written = session.PendingChanges.InsertsFor<OutboxMessage>().Single();
            Assert.Contains(Initiator.Header, written.Headers);
            Assert.Contains(Initiator.Header, written.Body); // in the envelope that is sent as it was stored
            await session.SaveChangesAsync();
        }

        await service.StartAsync(); // the delivery service of another process, whose own scope names only the service
        var recorded = await DeliveredAsync<VisitRecorded>(service, visitId);
        Assert.Equal(Cashier, Initiator.Parse(service.Deliveries.Of<RecordVisit>(m => m.VisitId == visitId).Single().Initiator));
        Assert.Equal(Cashier, Initiator.Parse(recorded.Initiator));
    }

    private static Task<Delivery> DeliveredAsync<T>(TestService service, Guid visitId) where T : class =>
        Poll.UntilAsync(() => Task.FromResult(service.Deliveries.Of<object>(m => m is T && VisitOf(m) == visitId).FirstOrDefault()),
            Settling.Deadline, $"{typeof(T).Name} of visit {visitId}");

    private static Guid? VisitOf(object message) => message switch
    {
        RecordVisit m => m.VisitId,
        VisitRecorded m => m.VisitId,
        _ => null,
    };

    /// <summary>The initiator of each event of the visit's stream, once the consumer's has been committed.</summary>
    private static async Task<Initiator?[]> EventInitiatorsAsync(TestService service, Guid visitId) =>
        await Poll.UntilAsync(async () =>
        {
            await using var query = service.Store.QuerySession();
            var events = await query.Events.FetchStreamAsync(visitId);
            return events.Any(e => e.Data is VisitLogged) ? events.Select(e => e.Initiator()).ToArray() : null;
        }, Settling.Deadline, $"the events of visit {visitId}");
}
