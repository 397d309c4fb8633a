namespace OmniChannel.Order.Features.AsyncCancellations;

/// <summary>Configuration section <c>AsyncCancellation</c> (ORD-10).</summary>
public sealed class AsyncCancellationOptions
{
    public const string Section = "AsyncCancellation";

    /// <summary>How often the job monitors and processes pending asynchronous cancellations (the seed's "every 5 minutes").</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Cancellations attempted per run.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>A pending cancellation older than this, or any permanent failure older than this, degrades the health check.</summary>
    public TimeSpan Objective { get; set; } = TimeSpan.FromHours(1);
}
