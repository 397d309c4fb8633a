using Marten;
using Marten.Services;
using OmniChannel.ServiceDefaults.Persistence;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// Opens the scope's Marten sessions: inside the <see cref="ConsumeTransaction"/> while the outbox handles a message
/// (never committing it), otherwise as plain lightweight sessions, as an HTTP handler gets them. Either works for the
/// scope's initiator (the request's caller, the consumed message's initiator, else the service), so its events and the
/// messages it publishes on commit carry it.
/// </summary>
internal sealed class OutboxSessionFactory(IDocumentStore store, ConsumeTransaction transaction, InitiatorAccessor initiators) : ISessionFactory
{
    public IQuerySession QuerySession() =>
        transaction.Current is { } current ? store.QuerySession(SessionOptions.ForTransaction(current)) : store.QuerySession();

    public IDocumentSession OpenSession()
    {
        var session = Open();
        session.ActFor(initiators.Current);
        return session;
    }

    private IDocumentSession Open()
    {
        transaction.SessionOpened = true;
        if (transaction.Current is not { } current)
            return store.LightweightSession();
        var options = SessionOptions.ForTransaction(current, shouldAutoCommit: false);
        options.Listeners.Add(transaction.Callbacks); // session.AfterCommit waits for the outbox's commit
        return store.LightweightSession(options);
    }
}
