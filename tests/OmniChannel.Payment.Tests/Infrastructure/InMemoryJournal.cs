namespace OmniChannel.Payment.Tests.Infrastructure;

/// <summary>Order payment streams in memory, shared by every request; a test can act just before an append commits.</summary>
public sealed class InMemoryEventStore
{
    private readonly Dictionary<Guid, List<object>> streams = [];

    /// <summary>Called before an append commits; throwing from it is a crash before the commit.</summary>
    public Action<IReadOnlyList<object>>? BeforeAppend { get; set; }

    public IReadOnlyList<object> Events(Guid orderId) => streams.TryGetValue(orderId, out var events) ? events : [];

    public OrderPayments? State(Guid orderId) => Events(orderId).Aggregate((OrderPayments?)null, OrderPayments.Fold);

    /// <summary>One request's view, as a Marten session: it appends after what it loaded, or conflicts.</summary>
    public IPaymentJournal Journal() => new InMemoryJournal(this);

    /// <summary>A consumer's view: appends wait for <see cref="Transaction.CommitAsync"/>, as the message's transaction does.</summary>
    public Transaction BeginTransaction() => new(this);

    public sealed class Transaction(InMemoryEventStore store) : IPaymentJournal
    {
        private readonly List<object> pending = [];
        private int version;
        private OrderPayments? state;
        private bool loaded;

        public Task<OrderPayments?> LoadAsync(Guid orderId, CancellationToken ct)
        {
            if (!loaded)
                (version, state, loaded) = (store.Events(orderId).Count, store.State(orderId), true);
            return Task.FromResult(state);
        }

        public Task AppendAsync(Guid orderId, IReadOnlyList<object> events, CancellationToken ct)
        {
            pending.AddRange(events);
            state = events.Aggregate(state, OrderPayments.Fold);
            return Task.CompletedTask;
        }

        public void Commit(Guid orderId) => store.Append(orderId, version, pending);
    }

    private void Append(Guid orderId, int expected, IReadOnlyList<object> events)
    {
        BeforeAppend?.Invoke(events);
        if (!streams.TryGetValue(orderId, out var stream))
            streams[orderId] = stream = [];
        if (stream.Count != expected) // checked at the commit, as PostgreSQL does
            throw new PaymentConflictException();
        stream.AddRange(events);
    }

    private sealed class InMemoryJournal(InMemoryEventStore store) : IPaymentJournal
    {
        private int version;

        public Task<OrderPayments?> LoadAsync(Guid orderId, CancellationToken ct)
        {
            version = store.Events(orderId).Count;
            return Task.FromResult(store.State(orderId));
        }

        public Task AppendAsync(Guid orderId, IReadOnlyList<object> events, CancellationToken ct)
        {
            store.Append(orderId, version, events);
            version += events.Count;
            return Task.CompletedTask;
        }
    }
}
