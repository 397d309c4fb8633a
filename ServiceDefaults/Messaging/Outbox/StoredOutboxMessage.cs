using MassTransit;
using MassTransit.Context;
using MassTransit.Metadata;
using MassTransit.Middleware;
using MassTransit.Serialization;

namespace OmniChannel.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// An <see cref="OutboxMessage"/> as MassTransit's <see cref="OutboxMessageSendPipe"/> reads it, so the stored
/// envelope is put back on the wire as it was written. <paramref name="destination"/> overrides the stored
/// address (a publish written without a bus gets its address at delivery).
/// </summary>
internal sealed class StoredOutboxMessage(OutboxMessage message, Uri? destination = null) : OutboxMessageContext
{
    private static readonly IReadOnlyDictionary<string, object> NoProperties = new Dictionary<string, object>();

    private readonly Headers headers = ReadHeaders(message.Headers);

    public OutboxMessage Document => message;

    public long SequenceNumber => message.SequenceNumber;
    public Guid MessageId => message.MessageId;
    public string ContentType => message.ContentType;
    public string MessageType => message.MessageType;
    public string Body => message.Body;

    public IReadOnlyDictionary<string, object> Properties { get; } =
        SystemTextJsonMessageSerializer.Instance.DeserializeDictionary<object>(message.Properties) ?? NoProperties;

    Guid? MessageContext.MessageId => message.MessageId;
    public Guid? RequestId => message.RequestId;
    public Guid? CorrelationId => message.CorrelationId;
    public Guid? ConversationId => message.ConversationId;
    public Guid? InitiatorId => message.InitiatorId;
    public DateTime? ExpirationTime => message.ExpirationTime;
    public Uri? SourceAddress => message.SourceAddress;
    public Uri? DestinationAddress => destination ?? message.DestinationAddress;
    public Uri? ResponseAddress => message.ResponseAddress;
    public Uri? FaultAddress => message.FaultAddress;
    public DateTime? SentTime => message.SentTime;
    public Headers Headers => headers;
    public HostInfo Host => HostMetadataCache.Host;

    private static Headers ReadHeaders(string? json) =>
        SystemTextJsonMessageSerializer.Instance.DeserializeDictionary<object>(json) is { } values
            ? new DictionarySendHeaders(values!)
            : EmptyHeaders.Instance;
}
