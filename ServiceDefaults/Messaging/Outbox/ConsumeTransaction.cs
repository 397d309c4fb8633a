using Npgsql;
using OmniChannel.ServiceDefaults.Persistence;

namespace OmniChannel.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// The database transaction the outbox holds open while a consumer or saga handles one message (scoped to that
/// message). While it is open, the scope's <c>IDocumentSession</c> is opened inside it without owning it
/// (<see cref="OutboxSessionFactory"/>): a consumer's own <c>SaveChangesAsync</c> then only flushes, and the
/// consumer's writes, the inbox record and the outbox messages are committed together by the outbox, or not at all.
/// </summary>
internal sealed class ConsumeTransaction(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    private NpgsqlConnection? connection;

    public NpgsqlTransaction? Current { get; private set; }

    /// <summary>What the consumer asked to run once its writes are committed (<c>session.AfterCommit</c>).</summary>
    public CommitCallbacks Callbacks { get; } = new(deferred: true);

    /// <summary>Set once the scope's session exists: it is bound to whatever transaction was open at that moment.</summary>
    public bool SessionOpened { get; set; }

    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        if (SessionOpened)
            throw new InvalidOperationException(
                "The IDocumentSession of this message's scope was opened before the outbox began its transaction, so its " +
                "writes would not commit with the inbox and outbox. Resolve it in the consumer, not in an earlier filter.");
        Callbacks.Clear();
        connection = await dataSource.OpenConnectionAsync(cancellationToken);
        Current = await connection.BeginTransactionAsync(cancellationToken);
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await (Current ?? throw new InvalidOperationException("No transaction is open.")).CommitAsync(cancellationToken);
        Callbacks.Committed();
    }

    /// <summary>Ends the transaction; rolls it back unless it was committed.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Current is not null)
            await Current.DisposeAsync();
        if (connection is not null)
            await connection.DisposeAsync();
        (Current, connection) = (null, null);
    }
}
