using JasperFx;
using Marten;
using Npgsql;

namespace OmniChannel.ServiceDefaults.Persistence;

public static class DuplicateKey
{
    /// <summary>
    /// A commit refused because a row with the same key is already there: Marten's insert of an existing document, or
    /// PostgreSQL's unique violation (e.g. on a unique index). Where two requests with one idempotency key race, the
    /// loser sees this and answers as a replay of the winner.
    /// </summary>
    public static bool Is(Exception exception) =>
        exception is DocumentAlreadyExistsException
        || exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    /// <summary>
    /// What is committed under <paramref name="id"/>, read in a session of its own: after a commit refused by
    /// <see cref="Is"/>, the document that was there first, which the refused session cannot read.
    /// </summary>
    public static async Task<T?> CommittedAsync<T>(IDocumentSession session, string id, CancellationToken ct) where T : notnull
    {
        await using var query = session.DocumentStore.QuerySession();
        return await query.LoadAsync<T>(id, ct);
    }
}
