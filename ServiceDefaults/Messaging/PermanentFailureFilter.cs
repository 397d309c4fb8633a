using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OmniChannel.ServiceDefaults.Failures;

namespace OmniChannel.ServiceDefaults.Messaging;

/// <summary>
/// Issue 13, the permanent half of the failure taxonomy for messages: the outermost filter of every endpoint. A consumer
/// or saga that throws <see cref="PermanentFailureException"/> (the retry ignores it: asking again changes nothing) has
/// its failure recorded (<see cref="PermanentFailures"/>: the operators' queue, and an event on the work's stream) and
/// the message consumed on purpose: acknowledged, no Fault published, nothing in <c>_error</c>, which stays for what
/// nobody classified. Anything else passes through untouched to the retries and, at their end, the error queue.
/// </summary>
public sealed class PermanentFailureFilter(IServiceProvider services) : IFilter<ConsumeContext>
{
    public async Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
    {
        try
        {
            await next.Send(context);
        }
        catch (Exception exception) when (Find(exception) is { } permanent)
        {
            var messageType = context.SupportedMessageTypes.FirstOrDefault() is { } urn ? urn[(urn.LastIndexOf(':') + 1)..] : null;
            var queue = context.ReceiveContext.InputAddress?.AbsolutePath.Split('/').LastOrDefault();
            var id = context.MessageId?.ToString("N") ?? NewId.NextGuid().ToString("N");
            var clock = services.GetService<TimeProvider>() ?? TimeProvider.System;
            await PermanentFailures.RecordAsync(services.GetRequiredService<IDocumentStore>(), id, permanent.Failure, permanent.Subject, permanent.Stream,
                messageType, context.MessageId?.ToString(), queue, clock.GetUtcNow(), context.CancellationToken);
            services.GetRequiredService<ILogger<PermanentFailureFilter>>().LogWarning(
                "{MessageType} {MessageId} failed permanently ({Code}); recorded for an operator as {FailureId}, not moved to the error queue",
                messageType, context.MessageId, permanent.Failure.Code, id);
        }
    }

    /// <summary>The permanent failure in <paramref name="exception"/> or what wraps it (a saga wraps what its activity threw).</summary>
    public static PermanentFailureException? Find(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
            if (exception is PermanentFailureException permanent)
                return permanent;
        return null;
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("permanentFailures");
}
