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
        return transaction.Current is { } current
            ? store.LightweightSession(SessionOptions.ForTransaction(current, shouldAutoCommit: false))
            : store.LightweightSession();
    }
}
