namespace OmniChannel.ServiceDefaults.Messaging.Outbox;

/// <summary>Settings of the Marten inbox and outbox, set with <c>bus.AddMartenOutbox(o => ...)</c>.</summary>
public sealed class MartenOutboxOptions
{
    /// <summary>
    /// How long an inbox record is kept. A copy of a message that arrives later than this after the first one is
    /// consumed again, so this must outlast any redelivery the broker or a publisher can still make.
    /// </summary>
    public TimeSpan DuplicateDetectionWindow { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often inbox records older than the window are removed.</summary>
    public TimeSpan InboxCleanupInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How often the delivery service looks for messages nobody woke it for: commits of other instances and what a
    /// crash left behind. A commit in this process wakes it at once.
    /// </summary>
    public TimeSpan QueryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many outbox messages the delivery service locks and sends per transaction.</summary>
    public int QueryMessageLimit { get; set; } = 100;

    /// <summary>
    /// Messages a consumer published are sent by that consume right after its commit, and again by its redelivery if
    /// the process died first. Only when neither happened within this time (the message went to its error queue
    /// after the commit) does the delivery service send them.
    /// </summary>
    public TimeSpan ConsumerOutboxTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How many messages one consume sends per pass before it records progress in its inbox record.</summary>
    public int MessageDeliveryLimit { get; set; } = 100;

    /// <summary>How long one send to the broker may take before the delivery is abandoned and retried.</summary>
    public TimeSpan MessageDeliveryTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
