using System.Diagnostics;
using Marten;
using MassTransit;
using MassTransit.Context;
using MassTransit.Logging;
using MassTransit.Serialization;
using OmniChannel.ServiceDefaults.Messaging.Outbox;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.ServiceDefaults.Persistence;

/// <summary>
/// The outbox for code that is not a consumer, such as an HTTP handler: the message is saved in the session and sent
/// only once the session commits, with the state change that caused it, never before and never lost after.
/// Inside a consumer, use <c>context.Publish</c> instead.
/// </summary>
public static class OutboxSessionExtensions
{
    /// <summary>Publishes <paramref name="message"/> when this session commits; nothing if it never does.</summary>
    public static void PublishOnCommit<T>(this IDocumentSession session, T message, Action<SendContext<T>>? configure = null)
        where T : class =>
        session.Insert(Envelope(message, destination: null, session.Initiator(), configure));

    /// <summary>Sends <paramref name="message"/> to <paramref name="destination"/> (e.g. <c>queue:pricing-reprice</c>) when this session commits.</summary>
    public static void SendOnCommit<T>(this IDocumentSession session, Uri destination, T message, Action<SendContext<T>>? configure = null)
        where T : class =>
        session.Insert(Envelope(message, destination, session.Initiator(), configure));

    /// <summary>
    /// Serialized now, as MassTransit would on a publish, with a MessageId of its own (kept through every retry of the
    /// delivery), a new conversation, the current trace as the parent of the delivery, and the session's initiator
    /// (<see cref="Initiator.Header"/>): captured as it is written, not when the delivery service sends it later. A
    /// session of the store's own has none; the delivering bus then names the service (the send filter).
    /// </summary>
    private static OutboxMessage Envelope<T>(T message, Uri? destination, Initiator? initiator, Action<SendContext<T>>? configure)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(message);
        var context = new MessageSendContext<T>(message)
        {
            Serializer = SystemTextJsonMessageSerializer.Instance,
            DestinationAddress = destination,
            ConversationId = NewId.NextGuid(),
            CorrelationId = message is CorrelatedBy<Guid> correlated ? correlated.CorrelationId : null,
        };
        if (Activity.Current?.Id is { } activityId)
            context.Headers.Set(DiagnosticHeaders.ActivityId, activityId);
        if (initiator is not null)
            context.Headers.Set(Initiator.Header, initiator.ToHeader());
        configure?.Invoke(context);
        return OutboxMessage.Create(context, inboxId: null, publishType: destination is null ? typeof(T) : null);
    }
}
