using System.Diagnostics;
using Marten;
using MassTransit;
using MassTransit.Middleware;
using Microsoft.Extensions.DependencyInjection;

namespace OmniChannel.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// MassTransit's transactional outbox on Marten, for one message at one consumer or saga. MassTransit's outbox pipe
/// runs in passes until it is done, and this factory gives each pass its transaction:
/// <list type="number">
/// <item>the consume pass, in the <see cref="ConsumeTransaction"/> that the scope's IDocumentSession joins: the
/// consumer runs (unless the inbox record says it already did) and its writes, the new inbox record and the
/// messages it published commit together;</item>
/// <item>delivery passes: the messages are sent to the broker; the rows of those the consume pass wrote are deleted
/// later in batches (<see cref="DeliveredOutboxCleanup"/>), those read back after a redelivery are deleted and the
/// inbox record marked delivered together, in a session of the pass's own;</item>
/// <item>a last pass acknowledges the message.</item>
/// </list>
/// A failure anywhere throws: the endpoint's retry runs it again from the inbox record, and a crash leaves the
/// message unacknowledged, so the broker redelivers it and the same happens.
/// </summary>
internal sealed class MartenOutboxContextFactory(IServiceProvider provider, ConsumeTransaction transaction, IDocumentStore store,
    DeliveredOutboxCleanup cleanup)
    : IOutboxContextFactory<IDocumentSession>
{
    public async Task Send<T>(ConsumeContext<T> context, OutboxConsumeOptions options, IPipe<OutboxConsumeContext<T>> next)
        where T : class
    {
        var messageId = context.GetOriginalMessageId()
            ?? throw new MessageException(typeof(T), "The outbox needs a MessageId to recognise a redelivered message.");

        var (inbox, pending, continueProcessing) = await ConsumePass(context, options, next, messageId);
        while (continueProcessing)
        {
            await using var session = store.LightweightSession();
            continueProcessing = await Pass(context, options, next, session, inbox, pending);
        }
    }

    private async Task<(InboxState, PendingOutboxMessages, bool)> ConsumePass<T>(ConsumeContext<T> context,
        OutboxConsumeOptions options, IPipe<OutboxConsumeContext<T>> next, Guid messageId) where T : class
    {
        await transaction.BeginAsync(context.CancellationToken);
        try
        {
            var session = provider.GetRequiredService<IDocumentSession>();
            var inbox = await session.LoadAsync<InboxState>(InboxState.IdFor(options.ConsumerId, messageId), context.CancellationToken);
            var isNew = inbox is null;
            inbox ??= new InboxState
            {
                Id = InboxState.IdFor(options.ConsumerId, messageId),
                MessageId = messageId,
                ConsumerId = options.ConsumerId,
                Received = DateTimeOffset.UtcNow,
            };
            inbox.ReceiveCount++;

            var pending = new PendingOutboxMessages(known: isNew);
            var continueProcessing = await Pass(context, options, next, session, inbox, pending, insertInbox: isNew);
            await Commit(context, () => transaction.CommitAsync(context.CancellationToken));
            return (inbox, pending, continueProcessing);
        }
        finally
        {
            await transaction.DisposeAsync();
        }
    }

    private async Task<bool> Pass<T>(ConsumeContext<T> context, OutboxConsumeOptions options, IPipe<OutboxConsumeContext<T>> next,
        IDocumentSession session, InboxState inbox, PendingOutboxMessages pending, bool insertInbox = false) where T : class
    {
        var outboxContext = new MartenOutboxConsumeContext<T>(context, options, provider, session, inbox, pending);
        await next.Send(outboxContext);

        // Staged after the consumer, so it carries Consumed even if the consumer flushed the session itself. Of two
        // copies of one message consumed at once, the second fails on this insert at commit and is retried as a duplicate.
        if (insertInbox)
            session.Insert(inbox);
        else if (outboxContext.InboxChanged)
            session.UpdateRevision(inbox, inbox.Version + 1);
        await Commit(context, () => session.SaveChangesAsync(context.CancellationToken)); // no round trip when nothing changed
        cleanup.Enqueue(outboxContext.Sent);
        return outboxContext.ContinueProcessing;
    }

    /// <summary>A failed commit faults the message even though the consumer already returned, so it is retried, never acknowledged.</summary>
    private static async Task Commit<T>(ConsumeContext<T> context, Func<Task> commit) where T : class
    {
        var timer = Stopwatch.StartNew();
        try
        {
            await commit();
        }
        catch (Exception exception)
        {
            await context.NotifyFaulted(timer.Elapsed, TypeCache<T>.ShortName, exception);
            throw;
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("outboxContextFactory").Add("provider", "marten");
}
