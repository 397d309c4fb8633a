using Marten;
using Marten.Services;

namespace OmniChannel.ServiceDefaults.Persistence;

/// <summary>
/// Something to do once a session's writes are really committed, such as counting a domain meter once per effect.
/// </summary>
public static class AfterCommitExtensions
{
    /// <summary>
    /// Runs <paramref name="action"/> after the commit of what this session holds now: right after its
    /// <c>SaveChangesAsync</c> for a session of its own, after the outbox's commit for a consumer's or saga's session
    /// (whose <c>SaveChangesAsync</c> only flushes). A save or commit that fails forgets it, so a retried message or
    /// request that stages it again runs it once; a duplicate message, which the inbox drops, never stages it.
    /// Keep it cheap and make it not throw: the commit has happened.
    /// </summary>
    public static void AfterCommit(this IDocumentSession session, Action action)
    {
        var callbacks = session.Listeners.OfType<CommitCallbacks>().FirstOrDefault();
        if (callbacks is null)
            session.Listeners.Add(callbacks = new CommitCallbacks(deferred: false));
        callbacks.Add(action);
    }
}

/// <summary>
/// The callbacks of one session. Deferred ones belong to a consume's transaction and run when it commits
/// (<see cref="Messaging.Outbox.ConsumeTransaction"/>); the others run after the session's own commit.
/// </summary>
internal sealed class CommitCallbacks(bool deferred) : DocumentSessionListenerBase
{
    private readonly Lock gate = new();
    private List<Action> staged = [];
    private List<Action> saving = [];

    public void Add(Action action)
    {
        lock (gate)
            staged.Add(action);
    }

    /// <summary>What was staged goes with this save; what the last save took and did not commit is forgotten.</summary>
    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        if (!deferred)
            lock (gate)
                (saving, staged) = (staged, []);
        return Task.CompletedTask;
    }

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        if (!deferred)
            Run(ref saving);
        return Task.CompletedTask;
    }

    /// <summary>The consume's transaction committed: everything staged in it.</summary>
    public void Committed() => Run(ref staged);

    /// <summary>A new attempt of the consume begins: nothing of an earlier one is left.</summary>
    public void Clear()
    {
        lock (gate)
            staged = [];
    }

    private void Run(ref List<Action> actions)
    {
        List<Action> due;
        lock (gate)
            (due, actions) = (actions, []);
        foreach (var action in due)
            action();
    }
}
