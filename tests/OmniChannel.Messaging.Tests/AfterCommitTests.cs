using MassTransit;
using OmniChannel.IntegrationTests.Infrastructure;
using OmniChannel.Messaging.Tests.Infrastructure;
using OmniChannel.Messaging.Tests.Model;
using Marten;
using OmniChannel.ServiceDefaults.Messaging.Outbox;
using OmniChannel.ServiceDefaults.Persistence;

namespace OmniChannel.Messaging.Tests;

/// <summary>
/// <c>session.AfterCommit</c>, which the domain meters count with: once per committed effect, never for a save that
/// failed, an attempt that was rolled back, or a duplicate that the inbox dropped.
/// </summary>
[Collection(MessagingCollection.Name)]
public sealed class AfterCommitTests(MessagingInfrastructure infrastructure)
{
    [Fact]
    public async Task A_session_of_its_own_runs_it_after_its_commit_and_a_failed_save_forgets_it()
    {
        await using var service = new TestService(infrastructure, "commit").Build();
        var (committed, failed) = (0, 0);
        var existing = Guid.NewGuid();
        await using (var first = service.Store.LightweightSession())
        {
            first.Insert(new Tally(existing));
            await first.SaveChangesAsync();
        }
        await using var session = service.Store.LightweightSession();

        session.Insert(new Tally(existing)); // a duplicate key: the save fails
        session.AfterCommit(() => failed++);
        await Assert.ThrowsAnyAsync<Exception>(() => session.SaveChangesAsync());
        session.EjectAllPendingChanges();
        Assert.Equal(0, failed);

        session.Insert(new Tally(Guid.NewGuid()));
        session.AfterCommit(() => committed++);
        Assert.Equal(0, committed);
        await session.SaveChangesAsync();

        Assert.Equal((1, 0), (committed, failed));
    }

    [Fact]
    public async Task A_consumer_runs_it_once_after_the_outbox_commit_not_for_a_failed_attempt_nor_for_a_duplicate()
    {
        await using var service = await new TestService(infrastructure, "commit").WithConsumer<TallyCounter>().StartAsync();
        var (retried, duplicated) = (Guid.NewGuid(), Guid.NewGuid());
        var endpoint = await service.Bus.GetSendEndpoint(new Uri($"queue:{service.QueueOf<TallyCounter>()}"));

        await endpoint.Send(new CountTally(retried, FailFirstAttempt: true));
        var messageId = Guid.NewGuid();
        await endpoint.Send(new CountTally(duplicated), context => context.MessageId = messageId);
        await Poll.UntilAsync(() => Task.FromResult(Tallies.CommitsOf(retried) == 1 && Tallies.CommitsOf(duplicated) == 1), Settling.Deadline,
            "both tallies committed");
        await endpoint.Send(new CountTally(duplicated), context => context.MessageId = messageId);
        // The copy's pass records its receipt in the inbox record: by then the consumer would have run, had the inbox let it.
        await Poll.UntilAsync(async () =>
        {
            await using var query = service.Store.QuerySession();
            return await query.Query<InboxState>().AnyAsync(inbox => inbox.MessageId == messageId && inbox.ReceiveCount == 2);
        }, Settling.Deadline, "the copy's receipt in the inbox");

        Assert.Equal(2, Tallies.AttemptsOf(retried));
        Assert.Equal(1, Tallies.CommitsOf(retried));
        Assert.Equal(1, Tallies.AttemptsOf(duplicated));
        Assert.Equal(1, Tallies.CommitsOf(duplicated));
    }
}
