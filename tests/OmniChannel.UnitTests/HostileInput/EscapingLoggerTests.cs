using Microsoft.Extensions.Logging;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Logging;

namespace OmniChannel.UnitTests.HostileInput;

/// <summary>Logged values cannot forge a log line or drive a terminal: control characters arrive escaped at every provider.</summary>
public class EscapingLoggerTests
{
    private sealed class Recorder : ILogger
    {
        public List<(string Message, IReadOnlyList<KeyValuePair<string, object?>> Values)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((formatter(state, exception), (state as IReadOnlyList<KeyValuePair<string, object?>>)!.ToList()));
    }

    private sealed record Scan(string Sku);

    [Fact]
    public void Control_characters_in_values_are_escaped_in_the_message_and_the_values()
    {
        var recorder = new Recorder();
        ILogger logger = new EscapingLogger(recorder);

        logger.LogInformation("Pickup for {ConfirmationNumber} scanned {Scan}", "HOU-1\r\n[ERR] forged\u001b[31m", new Scan("A\u0000"));

        var (message, values) = Assert.Single(recorder.Entries);
        Assert.Equal("Pickup for HOU-1\\u000d\\u000a[ERR] forged\\u001b[31m scanned Scan { Sku = A\\u0000 }", message);
        Assert.Equal("HOU-1\\u000d\\u000a[ERR] forged\\u001b[31m", values.Single(v => v.Key == "ConfirmationNumber").Value);
        Assert.Equal("Scan { Sku = A\\u0000 }", values.Single(v => v.Key == "Scan").Value);
        Assert.Equal("Pickup for {ConfirmationNumber} scanned {Scan}", values.Single(v => v.Key == "{OriginalFormat}").Value);
        Assert.DoesNotContain(message, char.IsControl);
    }

    [Fact]
    public void Plain_values_pass_unchanged()
    {
        var recorder = new Recorder();
        ILogger logger = new EscapingLogger(recorder);

        logger.LogInformation("Base price of {Sku} is now {Price}", "82001", 29.90m);

        var (message, values) = Assert.Single(recorder.Entries);
        Assert.Equal("Base price of 82001 is now 29.90", message);
        Assert.Equal(29.90m, values.Single(v => v.Key == "Price").Value);
    }

    [Fact]
    public void Disabled_levels_are_not_formatted()
    {
        var recorder = new Recorder();
        ILogger logger = new EscapingLogger(recorder);

        logger.LogDebug("Ignored {Value}", "\u001b");

        Assert.Empty(recorder.Entries);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a\tb\u007f\u0085\u009f", "a\\u0009b\\u007f\\u0085\\u009f")]
    [InlineData("Crème \u00a0 日本", "Crème \u00a0 日本")]
    public void Escape_writes_each_control_character_as_its_code(string text, string escaped) =>
        Assert.Equal(escaped, ControlCharacters.Escape(text));
}
