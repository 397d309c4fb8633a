using System.Diagnostics;

namespace OmniChannel.ServiceDefaults;

/// <summary>
/// The W3C trace context (traceparent, tracestate) of the activity that stored something, kept with it so that the work
/// done on it later (an order created by a background service or another process, an outbox message sent after its
/// commit) continues that trace instead of starting one of its own. A few dozen bytes in the same document: no round trip.
/// </summary>
public sealed record TraceContext(string TraceParent, string? TraceState)
{
    /// <summary>The current activity's context; null outside any activity or for one not in W3C format.</summary>
    public static TraceContext? Current() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C, Id: { } id } activity ? new TraceContext(id, activity.TraceStateString) : null;

    /// <summary>As the parent (or link) of an activity started later, perhaps in another process; default when unreadable.</summary>
    public ActivityContext Parent =>
        ActivityContext.TryParse(TraceParent, TraceState, isRemote: true, out var context) ? context : default;
}
