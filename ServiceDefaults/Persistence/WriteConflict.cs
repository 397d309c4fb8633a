using JasperFx;
using Marten.Exceptions;
using Npgsql;

namespace OmniChannel.ServiceDefaults.Persistence;

/// <summary>
/// The one reading of a commit that another writer beat. It asks two questions because callers answer them differently:
/// a key already taken means the same write already happened (an idempotent request replays it), a changed version means
/// the state moved on (decide again on fresh state, or tell the caller).
/// </summary>
public static class WriteConflict
{
    /// <summary>
    /// A row with the same key is already there: Marten's insert of an existing document, a stream started twice, or
    /// PostgreSQL's unique violation (23505, e.g. on a unique index).
    /// </summary>
    public static bool IsDuplicateKey(Exception exception) => AnyInChain(exception, e => e
        is DocumentAlreadyExistsException
        or ExistingStreamIdCollisionException or JasperFx.Events.ExistingStreamIdCollisionException
        or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation });

    /// <summary>Someone changed it after it was read: Marten's optimistic concurrency (a version check) refused the commit.</summary>
    public static bool IsConcurrencyConflict(Exception exception) => AnyInChain(exception, e => e is ConcurrencyException);

    /// <summary>Either: another writer got there first, so doing it again on fresh state is worth an immediate retry.</summary>
    public static bool IsAny(Exception exception) => IsDuplicateKey(exception) || IsConcurrencyConflict(exception);

    // Marten, Npgsql and MassTransit each wrap what they catch, so the cause may sit a few levels down.
    private static bool AnyInChain(Exception? exception, Func<Exception, bool> test)
    {
        for (; exception is not null; exception = exception.InnerException)
            if (test(exception))
                return true;
        return false;
    }
}
