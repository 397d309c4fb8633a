namespace OmniChannel.ServiceDefaults.Webhooks;

public enum WebhookDeliveryStatus { Pending, Delivered, DeadLettered }

/// <summary>One try at sending a webhook: when, the storefront's HTTP status (none when it never answered), how long, what failed.</summary>
public sealed record WebhookAttempt(int Number, DateTimeOffset At, int? HttpStatus, double LatencyMs, string? Error)
{
    /// <summary>Only a 2xx acknowledges: a redirect, a 4xx or a 5xx is tried again.</summary>
    public bool Acknowledged => HttpStatus is >= 200 and < 300;
}

/// <summary>How often and how far apart a webhook is tried (exponential back-off, capped).</summary>
public sealed record WebhookRetryPolicy(int MaxAttempts, TimeSpan FirstRetryDelay, TimeSpan MaxRetryDelay)
{
    public static readonly WebhookRetryPolicy Default = new(8, TimeSpan.FromSeconds(30), TimeSpan.FromHours(1));

    /// <summary>The wait after the <paramref name="failedAttempts"/>th failure: the first delay, doubled each time, at most the cap.</summary>
    public TimeSpan DelayAfter(int failedAttempts) =>
        TimeSpan.FromTicks((long)Math.Min(MaxRetryDelay.Ticks, FirstRetryDelay.Ticks * Math.Pow(2, Math.Max(failedAttempts - 1, 0))));
}

/// <summary>
/// A webhook to one storefront and every attempt at it: the delivery log an operator reads. The id is the
/// <c>webhook-id</c> the storefront sees, the same on every attempt, so a storefront that acknowledged a delivery whose
/// answer got lost recognises it when it comes again. The body is fixed when the delivery is made and sent unchanged.
/// </summary>
public sealed record WebhookDelivery(
    string Id,
    string StorefrontId,
    string Type,
    string Url,
    string Body,
    DateTimeOffset CreatedAt,
    WebhookDeliveryStatus Status,
    DateTimeOffset NextAttemptAt,
    IReadOnlyList<WebhookAttempt> Attempts,
    long? FromCursor = null,
    long? ToCursor = null)
{
    public static WebhookDelivery Create(string id, string storefrontId, string type, Uri url, string body, DateTimeOffset now,
        long? fromCursor = null, long? toCursor = null) =>
        new(id, storefrontId, type, url.ToString(), body, now, WebhookDeliveryStatus.Pending, now, [], fromCursor, toCursor);

    public bool IsDue(DateTimeOffset now) => Status == WebhookDeliveryStatus.Pending && NextAttemptAt <= now;

    /// <summary>
    /// The delivery after an attempt (pure): a 2xx delivers it; anything else waits the policy's back-off, and the
    /// policy's last failed attempt dead-letters it (kept in the log, never sent again by itself).
    /// </summary>
    public WebhookDelivery After(WebhookAttempt attempt, WebhookRetryPolicy policy)
    {
        if (Status != WebhookDeliveryStatus.Pending)
            throw new InvalidOperationException($"Delivery {Id} is {Status}: nothing is tried again.");
        var attempts = Attempts.Append(attempt).ToList();
        if (attempt.Acknowledged)
            return this with { Attempts = attempts, Status = WebhookDeliveryStatus.Delivered };
        return attempts.Count >= policy.MaxAttempts
            ? this with { Attempts = attempts, Status = WebhookDeliveryStatus.DeadLettered }
            : this with { Attempts = attempts, NextAttemptAt = attempt.At + policy.DelayAfter(attempts.Count) };
    }
}
