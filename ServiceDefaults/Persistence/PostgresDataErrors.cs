using Npgsql;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.ServiceDefaults.Persistence;

/// <summary>
/// PostgreSQL refusing a value it was sent (SQLSTATE class 22, data exception; or 54, a program limit such as a too
/// large jsonb), and what that does to a pooled connection.
/// <para>
/// Npgsql 10.0.3 (the newest served; unfixed on npgsql/npgsql main as well, issue #6391 "Corrupt auto-prepared
/// statements after rollback") marks an auto-prepared statement prepared as soon as PostgreSQL answers its Parse
/// (<c>NpgsqlDataReader.NextResult</c>, on <c>ParseCompleteMessage</c>), before the Bind and the Describe that brings its
/// row description. When the Bind fails, as it does for a parameter PostgreSQL refuses (a NUL in text: 22021, a
/// <c>\u0000</c> in jsonb: 22P05), the connection keeps a statement it believes prepared and returning no rows. Its next
/// run sends only a Bind, and the first row that comes back breaks it: "Received unexpected backend message DataRow".
/// Auto-preparation itself stays (<see cref="PostgresDataSource"/>: it halves PostgreSQL's CPU per statement); the
/// connections the error may have struck are closed instead (docs/postgres-connections.md).
/// </para>
/// </summary>
public static class PostgresDataErrors
{
    /// <summary>The answer to text PostgreSQL cannot store (a NUL character): the caller's input, so a 400.</summary>
    public static readonly Refusal TextInvalid = Refusal.Invalid("text.invalid",
        "The request holds text with a character that cannot be stored (such as NUL, U+0000).");

    /// <summary>The PostgreSQL error in <paramref name="exception"/> or what it wraps (Marten and MassTransit wrap it).</summary>
    public static PostgresException? Find(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
            if (exception is PostgresException postgres)
                return postgres;
        return null;
    }

    /// <summary>
    /// Errors PostgreSQL raises while binding a statement's parameters (their input functions, constant folding of the
    /// casts): those that can leave an auto-prepared statement half-known to Npgsql.
    /// </summary>
    public static bool CanBreakPreparedStatements(PostgresException error) =>
        error.SqlState.StartsWith("22", StringComparison.Ordinal) || error.SqlState.StartsWith("54", StringComparison.Ordinal);

    /// <summary>Text PostgreSQL cannot hold in its encoding: a NUL in text (22021) or <c>\u0000</c> in jsonb (22P05).</summary>
    public static bool IsUnstorableText(PostgresException error) =>
        error.SqlState is PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter;

    /// <summary>What the caller is told when <paramref name="exception"/> reached them: a refusal, or null for a server error.</summary>
    public static Refusal? RefusalFor(Exception exception) =>
        Find(exception) is { } error && IsUnstorableText(error) ? TextInvalid : null;

    /// <summary>
    /// After <paramref name="exception"/>, closes the pool's connections if the error can have broken one: idle ones now,
    /// those in use (the one the error struck, while its session still holds it) when they are given back. Npgsql can
    /// only clear a whole pool; the cost, a reconnect and re-preparation per connection, is paid only on such errors.
    /// </summary>
    public static bool RetireConnectionsAfter(Exception exception, NpgsqlDataSource dataSource)
    {
        if (Find(exception) is not { } error || !CanBreakPreparedStatements(error))
            return false;
        dataSource.Clear();
        return true;
    }
}
