using JasperFx.Events;
using Marten;
using OmniChannel.ServiceDefaults.Persistence;

namespace OmniChannel.PaymentToken.Payments;

/// <summary>
/// For HTTP handlers and the recovery job: every append commits at once, with the stream version it was decided on,
/// so a processor call is journaled before it is made and its answer recorded right after.
/// </summary>
public sealed class CommittingPaymentJournal(IDocumentSession session) : IPaymentJournal
{
    private long version;
    private string? currency;

    public async Task<OrderPayments?> LoadAsync(Guid orderId, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<OrderPayments>(orderId, ct);
        version = stream.CurrentVersion ?? 0;
        currency = stream.Aggregate?.Currency;
        return stream.Aggregate;
    }

    public async Task AppendAsync(Guid orderId, IReadOnlyList<object> events, CancellationToken ct)
    {
        currency ??= events.OfType<PaymentsOpened>().First().Currency; // a new stream starts with its opening
        PaymentMetrics.CountOnCommit(session, currency, events); // a save that fails (a conflict) forgets it
        if (version == 0)
            session.Events.StartStream<OrderPayments>(orderId, events);
        else
            session.Events.Append(orderId, version + events.Count, events); // the version it must reach: optimistic concurrency
        try
        {
            await session.SaveChangesAsync(ct);
            version += events.Count;
        }
        catch (Exception exception) when (WriteConflict.IsAny(exception))
        {
            session.EjectAllPendingChanges();
            throw new PaymentConflictException(exception);
        }
    }
}

/// <summary>
/// For consumers: appends join the message's transaction and commit with its inbox record and outbound messages
/// (Messaging/README.md); a conflict fails the commit and the message is handled again on fresh state. Their
/// processor keys derive from the message, so the second run asks the processor the same questions.
/// </summary>
public sealed class TransactionalPaymentJournal(IDocumentSession session) : IPaymentJournal
{
    private IEventStream<OrderPayments>? stream;
    private OrderPayments? state;

    public async Task<OrderPayments?> LoadAsync(Guid orderId, CancellationToken ct)
    {
        if (stream is null)
        {
            stream = await session.Events.FetchForWriting<OrderPayments>(orderId, ct);
            state = stream.Aggregate;
        }
        return state;
    }

    public Task AppendAsync(Guid orderId, IReadOnlyList<object> events, CancellationToken ct)
    {
        (stream ?? throw new InvalidOperationException("Load the order's payments before appending to them.")).AppendMany(events);
        state = events.Aggregate(state, OrderPayments.Fold);
        PaymentMetrics.CountOnCommit(session, state!.Currency, events); // after the message's commit
        return Task.CompletedTask;
    }
}
