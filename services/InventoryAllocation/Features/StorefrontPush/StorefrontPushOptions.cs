using OmniChannel.ServiceDefaults.Webhooks;

namespace OmniChannel.InventoryAllocation.Features.StorefrontPush;

/// <summary>INV-2's push schedule (<c>StorefrontPush:*</c>): how often it runs, and how a failed delivery is tried again.</summary>
public sealed class StorefrontPushOptions
{
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(1);
    public int MaxAttempts { get; init; } = WebhookRetryPolicy.Default.MaxAttempts;
    public TimeSpan FirstRetryDelay { get; init; } = WebhookRetryPolicy.Default.FirstRetryDelay;
    public TimeSpan MaxRetryDelay { get; init; } = WebhookRetryPolicy.Default.MaxRetryDelay;

    /// <summary>The most changes one webhook carries; the rest go in the next.</summary>
    public int BatchSize { get; init; } = 500;

    public WebhookRetryPolicy RetryPolicy => new(MaxAttempts, FirstRetryDelay, MaxRetryDelay);
}

/// <summary>How far a storefront has acknowledged the status feed: the cursor its next push starts after.</summary>
public sealed record StorefrontPushCursor(string Id, long Acknowledged);
