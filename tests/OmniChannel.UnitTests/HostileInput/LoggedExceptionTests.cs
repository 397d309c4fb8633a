using Microsoft.Extensions.Logging;
using Npgsql;
using OmniChannel.ServiceDefaults.Logging;

namespace OmniChannel.UnitTests.HostileInput;

/// <summary>
/// Issue 12, nothing of a card token or a customer in the logs: PostgreSQL's error context quotes the statement's
/// values (a refused document's JSON); an exception holding one is logged without it, and is otherwise as it was.
/// </summary>
public class LoggedExceptionTests
{
    private static PostgresException RefusedDocument() => new("unsupported Unicode escape sequence", "ERROR", "ERROR", "22P05",
        detail: "\\u0000 cannot be converted to text.", where: """JSON data, line 1: ...{"cardToken":"tok_visa_4242","email":"karen.berg@example.com"...""");

    private sealed class Recorder : ILogger
    {
        public List<Exception?> Exceptions { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Exceptions.Add(exception);
    }

    [Fact]
    public void A_PostgreSQL_error_is_logged_with_its_type_message_and_stack_but_not_the_context_quoting_the_values()
    {
        var error = Thrown(RefusedDocument());
        Assert.Contains("tok_visa_4242", error.ToString()); // what Npgsql would print

        var logged = LoggedException.Of(error)!.ToString();

        Assert.StartsWith("Npgsql.PostgresException: 22P05: unsupported Unicode escape sequence", logged);
        Assert.Contains(nameof(Thrown), logged); // the stack trace
        Assert.DoesNotContain("tok_visa_4242", logged);
        Assert.DoesNotContain("karen.berg@example.com", logged);
    }

    [Fact]
    public void So_is_an_exception_that_wraps_one_and_every_logger_gets_the_stand_in()
    {
        var wrapped = new InvalidOperationException("Saving the order failed.", Thrown(RefusedDocument()));
        var recorder = new Recorder();

        new EscapingLogger(recorder).LogError(wrapped, "Order sync failed; retrying at the next interval");

        var logged = Assert.IsType<LoggedException>(Assert.Single(recorder.Exceptions));
        Assert.Contains("System.InvalidOperationException: Saving the order failed. ---> Npgsql.PostgresException: 22P05", logged.ToString());
        Assert.DoesNotContain("tok_visa_4242", logged.ToString());
    }

    [Fact]
    public void Any_other_exception_is_logged_as_it_is()
    {
        var other = new TimeoutException("The processor did not answer.");
        Assert.Same(other, LoggedException.Of(other));
        Assert.Null(LoggedException.Of(null));
    }

    private static Exception Thrown(Exception exception)
    {
        try
        {
            throw exception;
        }
        catch (Exception caught)
        {
            return caught;
        }
    }
}
