namespace OmniChannel.ServiceDefaults.Failures;

/// <summary>
/// The platform's one failure taxonomy (issue 13). <see cref="Retryable"/>: the work can succeed later unchanged (the
/// order it needs is not created yet, a service or the broker is briefly away): retried automatically with back-off.
/// <see cref="Permanent"/>: it cannot succeed as asked (the order is already fulfilled): it goes to an operator's queue
/// with its reason, never silently away.
/// </summary>
public enum FailureKind { Retryable, Permanent }

/// <param name="Code">A stable code, as problem details carry them (<c>order.not_created</c>, <c>order.fulfilled</c>).</param>
public sealed record Failure(FailureKind Kind, string Code, string Reason)
{
    public static Failure Retryable(string code, string reason) => new(FailureKind.Retryable, code, reason);

    public static Failure Permanent(string code, string reason) => new(FailureKind.Permanent, code, reason);

    public bool IsRetryable => Kind == FailureKind.Retryable;
}

/// <summary>
/// Back-off for retryable failures: doubling from <paramref name="first"/>, capped at <paramref name="longest"/>, for the
/// attempt that just failed (1 for the first).
/// </summary>
public static class Backoff
{
    public static TimeSpan After(int attempt, TimeSpan first, TimeSpan longest) =>
        attempt <= 1 ? first : TimeSpan.FromTicks(Math.Min(longest.Ticks, first.Ticks * (1L << Math.Min(attempt - 1, 30))));
}
