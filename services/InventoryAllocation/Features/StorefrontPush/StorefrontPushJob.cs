using Microsoft.Extensions.Options;
using OmniChannel.ServiceDefaults.Webhooks;
using Quartz;

namespace OmniChannel.InventoryAllocation.Features.StorefrontPush;

/// <summary>
/// INV-2's schedule: Quartz fires this every <see cref="StorefrontPushOptions.Interval"/> (its PostgreSQL job store,
/// clustered: one replica runs each firing, never two at once); each storefront with a URL and a secret gets its step.
/// "Push now" fires it at once with <see cref="NowKey"/>, which also tries failed deliveries without waiting their back-off.
/// </summary>
[DisallowConcurrentExecution]
public sealed class StorefrontPushJob(StorefrontPusher pusher, IOptionsMonitor<StorefrontTargets> targets, ILogger<StorefrontPushJob> logger) : IJob
{
    public static readonly JobKey Key = new("storefront-push", "inventory");
    public const string NowKey = "now";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var now = context.MergedJobDataMap.TryGetString(NowKey, out var value) && value == "true";
        foreach (var (id, url, secret) in targets.CurrentValue.Reachable())
        {
            try
            {
                await pusher.PushAsync(id, url, secret, now, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // One storefront's trouble (its delivery's write lost to a restart, say) must not stop the others' push.
                logger.LogError(exception, "The push to storefront {StorefrontId} failed; the next run tries again", id);
            }
        }
    }
}
