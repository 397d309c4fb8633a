using Marten;
using MassTransit;
using MassTransit.Middleware;
using MassTransit.Middleware.Outbox;

namespace OmniChannel.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// What a consumer sees as its ConsumeContext under the outbox: every Publish and Send becomes an
/// <see cref="OutboxMessage"/> in the consume's session, and MassTransit's outbox pipe reads and moves the
/// inbox record through consumed, delivered and done.
/// </summary>
internal sealed class MartenOutboxConsumeContext<TMessage>(ConsumeContext<TMessage> context, OutboxConsumeOptions options,
    IServiceProvider provider, IDocumentSession session, InboxState inbox, PendingOutboxMessages pending)
    : OutboxConsumeContextProxy<TMessage>(context, options, provider)
    where TMessage : class
{
    private readonly Lock gate = new();

    /// <summary>Whether the inbox record changed in this pass and must be saved.</summary>
    public bool InboxChanged { get; private set; }

    /// <summary>
    /// Messages this attempt wrote and has now sent: their rows are left to <see cref="DeliveredOutboxCleanup"/>, so
    /// the sends need no commit of their own.
    /// </summary>
    public List<Guid> Sent { get; } = [];

    public override Guid? MessageId => inbox.MessageId;

    public override bool ContinueProcessing { get; set; } = true;
    public override bool IsMessageConsumed => inbox.Consumed.HasValue;
    public override bool IsOutboxDelivered => inbox.Delivered.HasValue;
    public override int ReceiveCount => inbox.ReceiveCount;
    public override long? LastSequenceNumber => inbox.LastSequenceNumber;

    public override Task SetConsumed() => Change(() => inbox.Consumed = DateTimeOffset.UtcNow);

    /// <summary>
    /// Recorded only after a redelivery. On the first attempt the message is acknowledged right after this, so no copy
    /// will ask; if the process dies first, the copy finds no Delivered mark and sends the rows that are still there.
    /// </summary>
    public override Task SetDelivered()
    {
        inbox.Delivered = DateTimeOffset.UtcNow;
        InboxChanged |= pending.Known is null;
        return Task.CompletedTask;
    }

    public override async Task<List<OutboxMessageContext>> LoadOutboxMessages()
    {
        var messages = pending.Known ?? await session.Query<OutboxMessage>()
            .Where(message => message.InboxId == inbox.Id)
            .OrderBy(message => message.SequenceNumber)
            .Take(Options.MessageDeliveryLimit + 1)
            .ToListAsync(CancellationToken);
        return messages.Select(OutboxMessageContext (message) => new StoredOutboxMessage(message)).ToList();
    }

    /// <summary>
    /// A message this attempt wrote is deleted later, in a batch with other consumes' (<see cref="Sent"/>); one read
    /// back after a redelivery is deleted in the same transaction that records the progress.
    /// </summary>
    public override Task NotifyOutboxMessageDelivered(OutboxMessageContext message)
    {
        var document = ((StoredOutboxMessage)message).Document;
        if (pending.Known is not null)
        {
            pending.Remove(document);
            Sent.Add(document.Id);
            inbox.LastSequenceNumber = message.SequenceNumber;
            return Task.CompletedTask;
        }
        session.Delete(document);
        return Change(() => inbox.LastSequenceNumber = message.SequenceNumber);
    }

    public override Task RemoveOutboxMessages()
    {
        // Delivered messages were deleted one by one; only a pass that did not see them has to look.
        if (pending.Known is not { Count: 0 })
            session.DeleteWhere<OutboxMessage>(message => message.InboxId == inbox.Id);
        return Task.CompletedTask;
    }

    public override Task AddSend<T>(SendContext<T> context)
    {
        var message = OutboxMessage.Create(context, inbox.Id);
        // A consumer may publish from several tasks at once; a Marten session is not thread-safe.
        lock (gate)
        {
            session.Insert(message);
            pending.Add(message);
        }
        return Task.CompletedTask;
    }

    private Task Change(Action change)
    {
        change();
        InboxChanged = true;
        return Task.CompletedTask;
    }
}

/// <summary>
/// The outbox messages of one inbox record that are known not yet delivered, so delivery right after the consume
/// needs no query. <see cref="Known"/> is null when this attempt did not write them (a redelivery), and they are read.
/// </summary>
internal sealed class PendingOutboxMessages(bool known)
{
    public List<OutboxMessage>? Known { get; private set; } = known ? [] : null;

    public void Add(OutboxMessage message) => Known?.Add(message);

    public void Remove(OutboxMessage message) => Known?.Remove(message);
}
