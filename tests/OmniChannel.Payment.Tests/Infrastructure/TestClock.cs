namespace OmniChannel.Payment.Tests.Infrastructure;

/// <summary>Time that moves only when a test says so.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public TestClock() : this(new DateTimeOffset(2025, 3, 14, 15, 0, 0, TimeSpan.Zero)) { }

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
