using System.Collections.Concurrent;
using Marten;
using MassTransit;
using OmniChannel.ServiceDefaults.Persistence;

namespace OmniChannel.Messaging.Tests.Model;

/// <summary>A message whose consumer counts something after its commit (<c>session.AfterCommit</c>), as a domain meter does.</summary>
public sealed record CountTally(Guid TallyId, bool FailFirstAttempt = false);

public sealed record Tally(Guid Id);

public sealed class TallyCounter(IDocumentSession session) : IConsumer<CountTally>
{
    public async Task Consume(ConsumeContext<CountTally> context)
    {
        var id = context.Message.TallyId;
        session.Store(new Tally(id));
        session.AfterCommit(() => Tallies.Committed(id));
        await session.SaveChangesAsync(context.CancellationToken); // only flushes: not yet the commit
        if (Tallies.Attempt(id) == 1 && context.Message.FailFirstAttempt)
            throw new InvalidOperationException($"Tally {id} fails its first attempt after flushing, as the test asked.");
    }
}

/// <summary>How often a tally's consumer ran, and how often its after-commit action did.</summary>
public static class Tallies
{
    private static readonly ConcurrentDictionary<Guid, int> Attempts = new();
    private static readonly ConcurrentDictionary<Guid, int> Commits = new();

    public static int Attempt(Guid id) => Attempts.AddOrUpdate(id, 1, (_, count) => count + 1);

    public static void Committed(Guid id) => Commits.AddOrUpdate(id, 1, (_, count) => count + 1);

    public static int AttemptsOf(Guid id) => Attempts.GetValueOrDefault(id);

    public static int CommitsOf(Guid id) => Commits.GetValueOrDefault(id);
}
