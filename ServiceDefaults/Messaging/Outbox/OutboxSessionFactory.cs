using Marten;
using Marten.Services;

namespace OmniChannel.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// Opens the scope's Marten sessions: inside the <see cref="ConsumeTransaction"/> while the outbox handles a message
/// (never committing it), otherwise as plain lightweight sessions, as an HTTP handler gets them.
/// </summary>
internal sealed class OutboxSessionFactory(IDocumentStore store, ConsumeTransaction transaction) : ISessionFactory
{
    public IQuerySession QuerySession() =>
        transaction.Current is { } current ? store.QuerySession(SessionOptions.ForTransaction(current)) : store.QuerySession();

    public IDocumentSession OpenSession()
    {
        transaction.SessionOpened = true;
        if (transaction.Current is not { } current)
            return store.LightweightSession();
        var options = SessionOptions.ForTransaction(current, shouldAutoCommit: false);
        options.Listeners.Add(transaction.Callbacks); // session.AfterCommit waits for the outbox's commit
        return store.LightweightSession(options);
    }
}
