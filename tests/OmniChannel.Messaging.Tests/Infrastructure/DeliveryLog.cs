using System.Collections.Concurrent;
using MassTransit;
using MassTransit.Logging;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.Messaging.Tests.Infrastructure;

/// <summary>
/// Every message a test service's endpoints received from the broker, before the inbox has a say: a duplicate
/// shows here even when the inbox drops it, so "arrived exactly once" can be checked.
/// </summary>
public sealed class DeliveryLog : IConsumeObserver
{
    private readonly ConcurrentQueue<Delivery> deliveries = new();

    public int Count<T>(Func<T, bool> match) => Of(match).Count;

    public IReadOnlyList<Delivery> Of<T>(Func<T, bool> match) =>
        deliveries.Where(delivery => delivery.Message is T message && match(message)).ToList();

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class
    {
        deliveries.Enqueue(new Delivery(context.Message, context.MessageId, context.CorrelationId, context.ConversationId,
            context.Headers.Get<string>(DiagnosticHeaders.ActivityId), context.Headers.Get<string>(Initiator.Header)));
        return Task.CompletedTask;
    }

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}

public sealed record Delivery(object Message, Guid? MessageId, Guid? CorrelationId, Guid? ConversationId, string? ActivityId, string? Initiator);
