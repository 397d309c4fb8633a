using System.Net.Sockets;
using Npgsql;
using OmniChannel.ServiceDefaults.Persistence;

namespace OmniChannel.ServiceDefaults.Failures;

/// <summary>
/// Work that cannot succeed as asked, thrown where that is known (a stock answer for an order this service never
/// created, a processor holding another request under our key). The messaging retry ignores it (no point asking again)
/// and <see cref="Messaging.PermanentFailureFilter{T}"/> records it and consumes the message on purpose: it lands on the
/// operators' queue with its code, never in <c>_error</c>.
/// </summary>
/// <param name="Stream">The stream the failure is recorded on (the order's confirmation number, the payments' order id), when there is one.</param>
public sealed class PermanentFailureException(string code, string reason, object? stream = null, string? subject = null) : Exception(reason)
{
    public Failure Failure { get; } = Failure.Permanent(code, reason);

    public object? Stream { get; } = stream;

    /// <summary>What an operator looks for it by (a confirmation number, an order id); the stream's key when not given.</summary>
    public string? Subject { get; } = subject ?? stream?.ToString();
}

/// <summary>
/// The one reading of an exception as a <see cref="Failure"/>, for the code that must choose between trying again and
/// telling an operator (the order-sync job, the real-time path, the messaging retry). Unknown faults count as retryable:
/// a fault nobody classified is more often a service or the broker briefly away than a bad request, and retrying it
/// with back-off costs little; what is known to be hopeless says so by being a <see cref="PermanentFailureException"/>
/// or a value PostgreSQL refuses to store (it refuses it again every time).
/// </summary>
public static class FailureClassifier
{
    public static Failure Classify(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is PermanentFailureException permanent)
                return permanent.Failure;
        if (WriteConflict.IsAny(exception))
            return Failure.Retryable("write.conflict", "Another writer got there first: decided again on fresh state.");
        if (PostgresDataErrors.Find(exception) is { } postgres && PostgresDataErrors.CanBreakPreparedStatements(postgres))
            return Failure.Permanent("data.refused", $"PostgreSQL refuses a value of it ({postgres.SqlState}): it refuses it every time.");
        return exception switch
        {
            TimeoutException or OperationCanceledException => Failure.Retryable("timeout", "It took too long: tried again."),
            NpgsqlException or SocketException or HttpRequestException => Failure.Retryable("unavailable",
                $"A service or the database was not reachable ({exception.GetType().Name}): tried again."),
            _ => Failure.Retryable("fault", $"{exception.GetType().Name}: tried again with back-off."),
        };
    }
}
