using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Logging;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.ServiceDefaults.Messaging;

/// <summary>
/// A consumed message's initiator (its <see cref="Initiator.Header"/>) is the initiator of what its consumer or saga does:
/// set on the message's scope before the outbox opens the scope's session, tagged on the consume's activity and put in
/// the log scope. A message without one (or with one this platform did not write) is the service's own work.
/// </summary>
public sealed class InitiatorConsumeFilter<T>(InitiatorAccessor initiators, ILogger<InitiatorConsumeFilter<T>> logger)
    : IFilter<ConsumeContext<T>> where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        if (Initiator.Parse(context.Headers.Get<string>(Initiator.Header)) is { } initiator)
            initiators.Set(initiator);
        var current = initiators.Current;
        InitiatorTelemetry.Tag(Activity.Current, current);
        using (logger.BeginScope(InitiatorTelemetry.Scope(current)))
            await next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("initiator");
}

/// <summary>
/// Every message sent or published carries an initiator: the one it was given (a consumer's sends inherit the consumed
/// message's headers; <c>PublishOnCommit</c> writes its session's), else the scope's (<see cref="InitiatorAccessor"/>:
/// the request's caller, the consumed message's initiator, or the service itself outside both). Set before a consumer's
/// outbox stores the envelope, so it is sent with it however late. MassTransit runs no scoped filter on a stored
/// message it sends (the outbox's delivery): <c>OutboxDeliveryService</c> names the service on one stored without.
/// </summary>
public sealed class InitiatorSendFilter<T>(InitiatorAccessor initiators) : IFilter<SendContext<T>> where T : class
{
    public Task Send(SendContext<T> context, IPipe<SendContext<T>> next)
    {
        InitiatorHeader.SetIfAbsent(context.Headers, initiators.Current);
        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("initiator");
}

/// <summary>The same for a publish (<see cref="InitiatorSendFilter{T}"/>), which also passes the send filters.</summary>
public sealed class InitiatorPublishFilter<T>(InitiatorAccessor initiators) : IFilter<PublishContext<T>> where T : class
{
    public Task Send(PublishContext<T> context, IPipe<PublishContext<T>> next)
    {
        InitiatorHeader.SetIfAbsent(context.Headers, initiators.Current);
        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("initiator");
}

public static class InitiatorHeader
{
    /// <summary>Sets the header unless the message already names a valid initiator (one that is unreadable is replaced).</summary>
    public static void SetIfAbsent(SendHeaders headers, Initiator initiator)
    {
        if (Initiator.Parse(headers.Get<string>(Initiator.Header)) is null)
            headers.Set(Initiator.Header, initiator.ToHeader());
    }
}
