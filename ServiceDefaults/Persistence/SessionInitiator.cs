using JasperFx.Events;
using Marten;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.ServiceDefaults.Persistence;

/// <summary>
/// Who a session works for. Every event it appends carries the initiator as a Marten header (<see cref="Initiator.EventHeader"/>,
/// <c>mt_events.headers</c>), and every message it publishes on commit as the message header (<see cref="Initiator.Header"/>).
/// The scope's session is stamped as it opens (<c>OutboxSessionFactory</c>); a session of the store's own is not, unless
/// told.
/// </summary>
public static class SessionInitiator
{
    public static void ActFor(this IDocumentSession session, Security.Initiator initiator) => session.SetHeader(Security.Initiator.EventHeader, initiator);

    public static Security.Initiator? Initiator(this IDocumentSession session) => Security.Initiator.From(session.GetHeader(Security.Initiator.EventHeader));

    /// <summary>
    /// One event's initiator, for a session that appends for several (a batch of orders, each its own cashier's). A
    /// session's own initiator, when it has one, is written over it.
    /// </summary>
    public static void StartedBy(this IEvent @event, Security.Initiator? initiator)
    {
        if (initiator is not null)
            @event.SetHeader(Security.Initiator.EventHeader, initiator);
    }

    /// <summary>The initiator of an event as read back from its stream; null for one written without.</summary>
    public static Security.Initiator? Initiator(this IEvent @event) => Security.Initiator.From(@event.GetHeader(Security.Initiator.EventHeader));
}
