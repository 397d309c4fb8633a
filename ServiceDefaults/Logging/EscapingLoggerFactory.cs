using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OmniChannel.ServiceDefaults.Logging;

/// <summary>
/// Every logger of a service writes control characters of logged values as <c>\uXXXX</c>: a CR/LF or ESC in a value a
/// request carried can neither forge a log line nor drive a terminal, in the console, the OTLP export or any other
/// provider; and logs an exception from PostgreSQL without the statement's values it quotes (<see cref="LoggedException"/>).
/// A decorator of the factory rather than of each provider, so the providers' own filters still apply, and every
/// library's logger (MassTransit, Marten, ASP.NET Core) goes through it.
/// </summary>
public sealed class EscapingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new EscapingLogger(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();

    /// <summary>Every ILogger comes from an <see cref="EscapingLoggerFactory"/> over the factory logging registered.</summary>
    public static void Decorate(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(ILoggerFactory) && !d.IsKeyedService);
        services.Remove(registered);
        services.AddSingleton<ILoggerFactory>(provider => new EscapingLoggerFactory(registered switch
        {
            { ImplementationInstance: ILoggerFactory instance } => instance,
            { ImplementationFactory: { } factory } => (ILoggerFactory)factory(provider),
            _ => (ILoggerFactory)ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!),
        }));
    }
}

/// <summary>Passes a log entry on unchanged unless a value (or the message) holds a control character; then escaped.</summary>
public sealed class EscapingLogger(ILogger inner) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel))
            return;
        exception = LoggedException.Of(exception);
        var message = formatter(state, exception);
        var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
        if (Http.ControlCharacters.Any(message) || values.Any(v => v.Value is string text && Http.ControlCharacters.Any(text)))
            inner.Log(logLevel, eventId, new EscapedLogValues(values, Http.ControlCharacters.Escape(message)), exception, static (s, _) => s.ToString());
        else
            inner.Log(logLevel, eventId, state, exception, formatter);
    }

    /// <summary>The entry's values with every string escaped (the message template stays as written), and its escaped message.</summary>
    private sealed class EscapedLogValues(IReadOnlyList<KeyValuePair<string, object?>> values, string message) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public KeyValuePair<string, object?> this[int index] => Escaped(values[index]);

        public int Count => values.Count;

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.Select(Escaped).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => message;

        // A value that is not a string (a record, say) is exported as its text: escaped as text when that text needs it.
        private static KeyValuePair<string, object?> Escaped(KeyValuePair<string, object?> value) =>
            value is { Key: not "{OriginalFormat}", Value: not null } && (value.Value as string ?? value.Value.ToString()) is { } text
                && Http.ControlCharacters.Any(text)
                ? new(value.Key, Http.ControlCharacters.Escape(text))
                : value;
    }
}
