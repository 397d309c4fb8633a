namespace OmniChannel.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// The inbox record of one message at one consumer (or saga), inserted in the transaction that commits what the
/// consumer did: a redelivered copy of the message (same MessageId) finds it and changes nothing twice. It then
/// tracks the delivery of what the consumer published, and is removed after the duplicate-detection window.
/// </summary>
public sealed class InboxState
{
    /// <summary><see cref="IdFor"/>: one record per consumer and message, so two consumers of one message each get it once.</summary>
    public string Id { get; set; } = "";

    public Guid MessageId { get; set; }

    /// <summary>MassTransit's id of the consumer on its endpoint (<c>OutboxConsumeOptions.ConsumerId</c>).</summary>
    public Guid ConsumerId { get; set; }

    public DateTimeOffset Received { get; set; }

    /// <summary>Copies of the message seen, counted in memory and saved with the record's next change.</summary>
    public int ReceiveCount { get; set; }

    public DateTimeOffset? Consumed { get; set; }

    /// <summary>When every message the consumer published had reached the broker.</summary>
    public DateTimeOffset? Delivered { get; set; }

    public long? LastSequenceNumber { get; set; }

    /// <summary>Marten's numeric revision: each update names the revision it read, so of two concurrent updaters one fails.</summary>
    public int Version { get; set; }

    public static string IdFor(Guid consumerId, Guid messageId) => $"{consumerId:N}-{messageId:N}";
}
