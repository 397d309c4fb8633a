using Marten;
using Microsoft.Extensions.Options;
using OmniChannel.ServiceDefaults.Persistence;
using OmniChannel.ServiceDefaults.Webhooks;

namespace OmniChannel.Order.Features.EcommerceOrders;

/// <summary>
/// PUP-9 on the order worker, every <c>Ecommerce:NotificationInterval</c> (2 s): each staged storefront notification that
/// is due gets one attempt (<see cref="SignedWebhookSender"/>: Standard Webhooks, signed with the storefront's secret), and
/// its delivery log records it. A failed one waits its back-off (<see cref="WebhookRetryPolicy.Default"/>: 30 s doubling
/// to 1 h, dead-lettered after 8 attempts). Each delivery's attempt is written on its own, so one storefront's trouble
/// holds no other back. Every worker replica runs it: two at once may attempt one delivery twice, and the storefront then
/// sees its webhook id twice, which Standard Webhooks receivers treat as one.
/// </summary>
public sealed class StorefrontNotificationJob(IDocumentStore store, SignedWebhookSender sender, IOptionsMonitor<StorefrontTargets> targets,
    TimeProvider clock, IConfiguration configuration, ILogger<StorefrontNotificationJob> logger) : BackgroundService
{
    private const int MaxPerRun = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(configuration.GetValue("Ecommerce:NotificationInterval", TimeSpan.FromSeconds(2)), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Sending the storefront notifications failed; the next run tries again");
            }
        }
    }

    public async Task SendDueAsync(CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var now = clock.GetUtcNow();
        var due = await session.Query<WebhookDelivery>()
            .Where(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now)
            .OrderBy(d => d.CreatedAt).Take(MaxPerRun).ToListAsync(ct);
        var reachable = targets.CurrentValue.Reachable().ToDictionary(t => t.Id, t => t.Secret, StringComparer.Ordinal);
        foreach (var delivery in due)
        {
            if (!reachable.TryGetValue(delivery.StorefrontId, out var secret))
                continue; // its secret was taken away meanwhile: it waits
            var after = delivery.After(await sender.SendAsync(delivery, secret, ct), WebhookRetryPolicy.Default);
            session.Store(after);
            try
            {
                await session.SaveChangesAsync(ct);
            }
            catch (Exception exception) when (WriteConflict.IsAny(exception))
            {
                session.EjectAllPendingChanges(); // another worker recorded this attempt first
            }
            if (after.Status == WebhookDeliveryStatus.DeadLettered)
                logger.LogWarning("Storefront {StorefrontId}: notification {WebhookId} dead-lettered after {Attempts} attempts", delivery.StorefrontId,
                    delivery.Id, after.Attempts.Count);
        }
    }
}

public static class StorefrontNotificationRegistration
{
    /// <summary>
    /// PUP-9's notifications: the storefronts' webhook URLs and secrets (<c>Storefronts:{id}:WebhookUrl</c>,
    /// <c>…:WebhookSecret</c>, the secret the storefront signs its own webhooks with), what stages them in both roles, the
    /// sender the worker's job uses.
    /// </summary>
    public static IServiceCollection AddStorefrontNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<StorefrontTargets>(configuration);
        services.AddSingleton<StorefrontNotifications>();
        services.AddSignedWebhookSender();
        return services;
    }
}
