using Marten;
using Marten.Services;

namespace OmniChannel.ServiceDefaults.Messaging.Outbox;

/// <summary>Wakes the delivery service as soon as a commit carried messages for it, so they do not wait for a poll.</summary>
internal sealed class OutboxSignal
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Notify()
    {
        if (signal.CurrentCount == 0)
            try { signal.Release(); } catch (SemaphoreFullException) { /* already signalled */ }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);
}

/// <summary>
/// Notifies <see cref="OutboxSignal"/> after a commit that inserted messages without an inbox (PublishOnCommit):
/// those are the delivery service's. A consume delivers its own messages, so those do not wake it.
/// </summary>
internal sealed class OutboxCommitListener(OutboxSignal signal) : DocumentSessionListenerBase
{
    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        if (commit.Inserted.OfType<OutboxMessage>().Any(message => message.InboxId is null))
            signal.Notify();
        return Task.CompletedTask;
    }
}
