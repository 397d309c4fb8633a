using Npgsql;

namespace OmniChannel.ServiceDefaults.Logging;

/// <summary>
/// An exception as the logs show it. PostgreSQL's errors carry the context of the failure (<see cref="PostgresException.Where"/>,
/// e.g. <c>JSON data, line 1: ...{"cardToken":"tok_...</c>), and Npgsql prints it with the exception, although it
/// redacts the detail: a refused document would put its card token or its customer's address into the log. Logged
/// instead is a stand-in with the same type name, message and stack trace, its inner exceptions treated alike, and
/// without the exception's data. Other exceptions are logged as they are.
/// </summary>
public sealed class LoggedException : Exception
{
    private readonly Exception original;

    private LoggedException(Exception original) : base(original.Message, Of(original.InnerException)) => this.original = original;

    public override string? StackTrace => original.StackTrace;

    public override string ToString()
    {
        var text = $"{original.GetType().FullName}: {Message}";
        if (InnerException is { } inner)
            text += $" ---> {inner}{Environment.NewLine}   --- End of inner exception stack trace ---";
        return StackTrace is { } stack ? text + Environment.NewLine + stack : text;
    }

    /// <summary>The exception to log in place of <paramref name="exception"/>: itself unless PostgreSQL's context is in it.</summary>
    public static Exception? Of(Exception? exception) => exception switch
    {
        null => null,
        LoggedException => exception,
        _ when HoldsPostgresError(exception) => new LoggedException(exception),
        _ => exception,
    };

    private static bool HoldsPostgresError(Exception exception) =>
        exception is PostgresException
        || (exception is AggregateException aggregate && aggregate.InnerExceptions.Any(HoldsPostgresError))
        || (exception.InnerException is { } inner && HoldsPostgresError(inner));
}
