using System.Text.Json;
using Marten;
using Microsoft.Extensions.Options;
using OmniChannel.InventoryAllocation.Features.Products;
using OmniChannel.ServiceDefaults.Webhooks;

namespace OmniChannel.InventoryAllocation.Features.StorefrontPush;

/// <summary>What a storefront receives: the status changes after its acknowledged cursor, and the cursor they end at.</summary>
public sealed record SkuStatusPush(string Type, string StorefrontId, long Since, long Next, IReadOnlyList<SkuStatusFeedItem> Items)
{
    public const string EventType = "inventory.sku_status.changed";
}

/// <summary>
/// INV-2's push to one storefront, one delivery at a time so the storefront sees the changes in order: a delivery that
/// failed is tried again when its back-off has passed (or at once when an operator pushes now); otherwise the changes
/// after the storefront's acknowledged cursor become a new delivery. A 2xx moves the cursor to the delivery's end; so
/// does dead-lettering it, so that later changes still flow (the dead letter's cursors say what to read again from the
/// pull feed). Runs inside the scheduler's job, which one replica at a time runs (Quartz's clustered store).
/// </summary>
public sealed class StorefrontPusher(IDocumentStore store, SignedWebhookSender sender, TimeProvider clock, IOptionsMonitor<StorefrontPushOptions> options,
    ILogger<StorefrontPusher> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>One step for one storefront: the delivery attempted, or null when nothing was due.</summary>
    public async Task<WebhookDelivery?> PushAsync(string storefrontId, Uri url, string secret, bool now, CancellationToken ct)
    {
        var settings = options.CurrentValue;
        await using var session = store.LightweightSession();
        var delivery = await session.Query<WebhookDelivery>()
            .Where(d => d.StorefrontId == storefrontId && d.Status == WebhookDeliveryStatus.Pending)
            .OrderBy(d => d.CreatedAt).FirstOrDefaultAsync(ct);
        if (delivery is not null && !now && !delivery.IsDue(clock.GetUtcNow()))
            return null;
        var cursor = await session.LoadAsync<StorefrontPushCursor>(storefrontId, ct) ?? new StorefrontPushCursor(storefrontId, 0);
        if (delivery is null)
        {
            var items = await SkuStatusFeed.ReadPageAsync(session, cursor.Acknowledged, settings.BatchSize, ct);
            if (items.Count == 0)
                return null;
            var push = new SkuStatusPush(SkuStatusPush.EventType, storefrontId, cursor.Acknowledged, items[^1].Cursor, items);
            // The id names the storefront and the cursor range: the same changes are never two deliveries.
            delivery = WebhookDelivery.Create($"inv2_{storefrontId}_{push.Since}_{push.Next}", storefrontId, SkuStatusPush.EventType, url,
                JsonSerializer.Serialize(push, Json), clock.GetUtcNow(), push.Since, push.Next);
        }
        var attempt = await sender.SendAsync(delivery, secret, ct);
        delivery = delivery.After(attempt, settings.RetryPolicy);
        session.Store(delivery);
        if (delivery.Status != WebhookDeliveryStatus.Pending && delivery.ToCursor is { } end)
            session.Store(cursor with { Acknowledged = end });
        await session.SaveChangesAsync(ct);
        if (delivery.Status == WebhookDeliveryStatus.DeadLettered)
            logger.LogWarning("Storefront {StorefrontId}: webhook {WebhookId} dead-lettered after {Attempts} attempts", storefrontId, delivery.Id, delivery.Attempts.Count);
        return delivery;
    }
}
