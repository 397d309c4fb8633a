using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OmniChannel.Messaging.Tests.Infrastructure;

/// <summary>Every line a test service logged at Warning or above, with its exception, as a console would print it.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyList<string> Lines => lines.ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel}: {category}: {formatter(state, exception)}{(exception is null ? "" : "\n" + exception)}");
    }
}
