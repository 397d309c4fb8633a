using System.Text.Json;
using Marten;
using Marten.Services;
using MassTransit;

namespace OmniChannel.ServiceDefaults.Persistence;

/// <summary>
/// An integration message waiting to be published, saved in the same Marten transaction as the state change
/// that caused it: the change and the message commit together or not at all (transactional outbox).
/// </summary>
public sealed record OutboxMessage(Guid Id, string MessageType, string Body, DateTimeOffset CreatedAt);

public static class OutboxSessionExtensions
{
    /// <summary>Publishes <paramref name="message"/> once this session commits; never before, never lost after.</summary>
    public static void PublishOnCommit<T>(this IDocumentSession session, T message) where T : class =>
        session.Store(new OutboxMessage(NewId.NextGuid(), typeof(T).AssemblyQualifiedName!,
            JsonSerializer.Serialize(message, OutboxRelay.Json), DateTimeOffset.UtcNow));
}

/// <summary>Wakes the relay as soon as a commit carried outbox messages, so publishing does not wait for a poll.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Notify()
    {
        if (signal.CurrentCount == 0)
            try { signal.Release(); } catch (SemaphoreFullException) { /* already signalled */ }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);
}

internal sealed class OutboxCommitListener(OutboxSignal signal) : DocumentSessionListenerBase
{
    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        if (commit.Inserted.OfType<OutboxMessage>().Any() || commit.Updated.OfType<OutboxMessage>().Any())
            signal.Notify();
        return Task.CompletedTask;
    }
}
