using OmniChannel.ServiceDefaults.Failures;

namespace OmniChannel.Order.Orders;

/// <summary>The customer's phone and e-mail, confirmed by the cashier, to reach them if the cancellation fails (ORD-10).</summary>
public sealed record CustomerContact(string? Phone, string? Email);

public enum AsyncCancellationStatus
{
    /// <summary>Accepted, not applied yet: the order is not created, or a transient fault stopped the last attempt.</summary>
    Pending,

    /// <summary>The order's cancellation was started (the saga releases the stock and settles the payments).</summary>
    Applied,

    /// <summary>It cannot be applied as asked: an operator handles it by hand.</summary>
    Failed,

    /// <summary>An operator handled a permanent failure by hand and said so.</summary>
    Resolved,
}

// Every step of an asynchronous cancellation (ORD-10) is an event on its own stream (AsyncCancellation.StreamKey).
public sealed record AsyncCancellationAccepted(string ConfirmationNumber, Guid OrderId, string StoreId, decimal? ChargePercent,
    CustomerContact? Contact, string AcceptedBy, DateTimeOffset At);

public sealed record AsyncCancellationAttempted(int Attempt, DateTimeOffset At);

public sealed record AsyncCancellationFailed(FailureKind Kind, string Code, string Reason, DateTimeOffset At, DateTimeOffset? RetryAt);

public sealed record AsyncCancellationApplied(string CancellationId, decimal ChargePercent, decimal Charge, DateTimeOffset At);

public sealed record AsyncCancellationResolved(string Note, string ResolvedBy, DateTimeOffset At);

/// <summary>
/// ORD-10: a cancellation taken for an order that did not exist yet, applied when it does. Its stream is separate from
/// the order's (the order may not have one yet); Marten keeps this state inline.
/// </summary>
public sealed record AsyncCancellation(
    string Id,
    string ConfirmationNumber,
    Guid OrderId,
    string StoreId,
    decimal? ChargePercent,
    CustomerContact? Contact,
    string AcceptedBy,
    DateTimeOffset AcceptedAt,
    AsyncCancellationStatus Status,
    int Attempts = 0,
    DateTimeOffset? NextAttemptAt = null,
    Failure? LastFailure = null,
    string? CancellationId = null,
    string? Resolution = null,
    DateTimeOffset? UpdatedAt = null)
{
    public static string StreamKey(string confirmationNumber) => $"{confirmationNumber}.async-cancellation";

    public static AsyncCancellation Create(AsyncCancellationAccepted e) => new(StreamKey(e.ConfirmationNumber), e.ConfirmationNumber, e.OrderId,
        e.StoreId, e.ChargePercent, e.Contact, e.AcceptedBy, e.At, AsyncCancellationStatus.Pending, NextAttemptAt: e.At, UpdatedAt: e.At);

    public AsyncCancellation Apply(AsyncCancellationAttempted e) => this with { Attempts = e.Attempt, UpdatedAt = e.At };

    public AsyncCancellation Apply(AsyncCancellationFailed e) => this with
    {
        Status = e.Kind == FailureKind.Retryable ? AsyncCancellationStatus.Pending : AsyncCancellationStatus.Failed,
        LastFailure = new Failure(e.Kind, e.Code, e.Reason),
        NextAttemptAt = e.RetryAt,
        UpdatedAt = e.At,
    };

    public AsyncCancellation Apply(AsyncCancellationApplied e) => this with
    {
        Status = AsyncCancellationStatus.Applied,
        CancellationId = e.CancellationId,
        NextAttemptAt = null,
        UpdatedAt = e.At,
    };

    public AsyncCancellation Apply(AsyncCancellationResolved e) => this with
    {
        Status = AsyncCancellationStatus.Resolved,
        Resolution = e.Note,
        NextAttemptAt = null,
        UpdatedAt = e.At,
    };

    public AsyncCancellation Fold(object e) => e switch
    {
        AsyncCancellationAttempted x => Apply(x),
        AsyncCancellationFailed x => Apply(x),
        AsyncCancellationApplied x => Apply(x),
        AsyncCancellationResolved x => Apply(x),
        _ => this,
    };
}

/// <summary>
/// ORD-10's rules, pure: one attempt to apply a pending asynchronous cancellation to its order, classified explicitly.
/// Retryable: the order is not created yet, or not confirmed yet (its creation is still running). Permanent: the order
/// has goods that left (fulfilled, partially fulfilled, invoiced), or it is completed, cancelled or rejected.
/// </summary>
public static class AsyncCancellationDecider
{
    public static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan LongestRetry = TimeSpan.FromMinutes(30);

    public sealed record Attempt(IReadOnlyList<object> Events, Features.CancelOrder.CancelCustomerOrder? Cancel);

    public static Attempt Decide(AsyncCancellation cancellation, CustomerOrder? order, decimal defaultPercent, string cancellationId, DateTimeOffset now)
    {
        var attempt = cancellation.Attempts + 1;
        var attempted = new AsyncCancellationAttempted(attempt, now);
        if (order is null)
            return Fail(Failure.Retryable("order.not_created", $"Order {cancellation.ConfirmationNumber} is not created yet."));
        if (order.Status is OrderStatus.Pending or OrderStatus.Created or OrderStatus.Priced or OrderStatus.Reserved)
            return Fail(Failure.Retryable("order.not_confirmed", $"Order {order.Id} is still being created ({order.Status})."));

        var (percent, charge, refusal) = CancellationDecider.Charge(order, cancellation.ChargePercent, defaultPercent);
        if (refusal is not null)
            return Fail(Failure.Permanent(refusal.Code, refusal.Detail));
        return new Attempt([attempted, new AsyncCancellationApplied(cancellationId, percent, charge, now)],
            new Features.CancelOrder.CancelCustomerOrder { OrderId = order.OrderId, CancellationId = cancellationId, ChargePercent = percent });

        Attempt Fail(Failure failure) => new(
            [attempted, new AsyncCancellationFailed(failure.Kind, failure.Code, failure.Reason, now,
                failure.IsRetryable ? now + Backoff.After(attempt, FirstRetry, LongestRetry) : null)],
            null);
    }
}
