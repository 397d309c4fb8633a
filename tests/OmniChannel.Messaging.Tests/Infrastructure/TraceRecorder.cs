using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit.Logging;

namespace OmniChannel.Messaging.Tests.Infrastructure;

/// <summary>Every MassTransit and OmniChannel activity of this test process that stopped while it listened, as an exporter sees them.</summary>
public sealed class TraceRecorder : IDisposable
{
    private readonly ConcurrentQueue<Activity> stopped = new();
    private readonly ActivityListener listener;

    public TraceRecorder()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "MassTransit" or "OmniChannel",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
    }

    /// <summary>The activities under which <typeparamref name="TConsumer"/> consumed the message <paramref name="messageId"/>.</summary>
    public IReadOnlyList<Activity> Consumed<TConsumer>(Guid messageId) =>
        stopped.Where(activity => activity.Kind == ActivityKind.Consumer
                                  && activity.GetTagItem(DiagnosticHeaders.ConsumerType) is string consumer
                                  && consumer.EndsWith(typeof(TConsumer).Name, StringComparison.Ordinal)
                                  && activity.GetTagItem(DiagnosticHeaders.MessageId) as string == messageId.ToString())
            .ToList();

    public IReadOnlyList<Activity> Named(string operationName) => stopped.Where(activity => activity.OperationName == operationName).ToList();

    public void Dispose() => listener.Dispose();
}
