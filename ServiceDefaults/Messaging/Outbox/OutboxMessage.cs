using MassTransit;
using MassTransit.Context;
using MassTransit.Serialization;

namespace OmniChannel.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// A message waiting for the broker, saved in the same transaction as the change that caused it. It holds
/// MassTransit's serialized envelope, so delivery sends exactly what a direct publish would have sent: the same
/// MessageId (which the receiving inbox deduplicates on), correlation and conversation ids, headers and trace parent.
/// </summary>
public sealed class OutboxMessage
{
    // Seeded from the clock so that order holds roughly across restarts and instances, and strictly within a process.
    private static long nextSequenceNumber = DateTime.UtcNow.Ticks;

    public Guid Id { get; set; }

    public long SequenceNumber { get; set; }

    /// <summary>
    /// The inbox record of the consume that published it, which delivers it right after its commit; null for a
    /// message written by <c>session.PublishOnCommit</c>, which the delivery service sends.
    /// </summary>
    public string? InboxId { get; set; }

    public DateTimeOffset Created { get; set; }

    public Guid MessageId { get; set; }
    public Guid? ConversationId { get; set; }
    public Guid? CorrelationId { get; set; }
    public Guid? InitiatorId { get; set; }
    public Guid? RequestId { get; set; }

    public Uri? SourceAddress { get; set; }
    public Uri? DestinationAddress { get; set; }
    public Uri? ResponseAddress { get; set; }
    public Uri? FaultAddress { get; set; }

    /// <summary>
    /// For a publish written outside a consumer, where no bus is at hand: the CLR type whose publish address the
    /// bus topology resolves at delivery. Null when <see cref="DestinationAddress"/> is set.
    /// </summary>
    public string? PublishType { get; set; }

    public DateTime SentTime { get; set; }
    public DateTime? ExpirationTime { get; set; }

    public string ContentType { get; set; } = "";
    public string MessageType { get; set; } = "";
    public string Body { get; set; } = "";

    /// <summary>
    /// The trace of the activity that wrote it (for a consumer's message, MassTransit's "outbox send"), the parent of its
    /// delivery. MassTransit 8.5 carries only the traceparent, in its MT-Activity-Id header; the tracestate is kept here.
    /// </summary>
    public TraceContext? Trace { get; set; }

    /// <summary>Headers and transport properties as MassTransit serializes them (JSON objects).</summary>
    public string? Headers { get; set; }
    public string? Properties { get; set; }

    internal static OutboxMessage Create<T>(SendContext<T> context, string? inboxId, Type? publishType = null) where T : class
    {
        var now = DateTimeOffset.UtcNow;
        var serializer = SystemTextJsonMessageSerializer.Instance;
        var message = new OutboxMessage
        {
            Id = NewId.NextGuid(),
            SequenceNumber = Interlocked.Increment(ref nextSequenceNumber),
            InboxId = inboxId,
            Created = now,
            MessageId = context.MessageId ?? throw new MessageException(typeof(T), "An outbox message needs a MessageId."),
            ConversationId = context.ConversationId,
            CorrelationId = context.CorrelationId,
            InitiatorId = context.InitiatorId,
            RequestId = context.RequestId,
            SourceAddress = context.SourceAddress,
            DestinationAddress = context.DestinationAddress,
            ResponseAddress = context.ResponseAddress,
            FaultAddress = context.FaultAddress,
            PublishType = publishType is null ? null : $"{publishType.FullName}, {publishType.Assembly.GetName().Name}",
            SentTime = context.SentTime ?? now.UtcDateTime,
            ExpirationTime = context.TimeToLive is { } ttl ? now.UtcDateTime + ttl : null,
            ContentType = (context.ContentType ?? serializer.ContentType).ToString(),
            MessageType = string.Join(";", context.SupportedMessageTypes),
            Body = context.Serializer.GetMessageBody(context).GetString(),
            Headers = serializer.SerializeDictionary(context.Headers.GetAll()),
            Trace = TraceContext.Current(),
        };

        if (context is TransportSendContext<T> transport)
        {
            var properties = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
            transport.WritePropertiesTo(properties);
            message.Properties = serializer.SerializeDictionary(properties);
        }
        return message;
    }
}
