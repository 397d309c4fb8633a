using System.Text.Json;
using Marten;
using Microsoft.Extensions.Options;
using OmniChannel.Order.Ecommerce;
using OmniChannel.ServiceDefaults.Webhooks;

namespace OmniChannel.Order.Features.EcommerceOrders;

/// <summary>The order as the storefront's <c>order.ready_for_pickup</c> names it (docs/storefront-webhooks.md).</summary>
/// <param name="Payment"><c>card</c>: the checkout's hold is captured at the counter; <c>reserve</c>: the customer pays there (PUP-9).</param>
public sealed record ReadyOrder(string Number, string ConfirmationNumber, string PickupStoreId, string Payment, DateTimeOffset ReadyAt);

/// <summary>PUP-9's notification: the customer's order is on the pickup hanger of its store.</summary>
public sealed record ReadyForPickupNotice(string Type, string StorefrontId, ReadyOrder Order)
{
    public const string EventType = "order.ready_for_pickup";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The webhook for an order that became Ready for Pickup (pure). Its id names the e-commerce order: the customer is
    /// notified once per order, and every retry carries the same <c>webhook-id</c> and body.
    /// </summary>
    public static WebhookDelivery Delivery(EcommerceOrder order, Uri url, DateTimeOffset at)
    {
        var placed = order.Order ?? throw new InvalidOperationException($"E-commerce order {order.Id} has no storefront order to notify about.");
        var notice = new ReadyForPickupNotice(EventType, order.StorefrontId, new ReadyOrder(placed.Number, order.ConfirmationNumber!,
            placed.PickupStoreId, placed.IsReservation ? StorefrontPayload.PaymentKindReserve : StorefrontPayload.PaymentKindCard, at));
        return WebhookDelivery.Create(IdOf(order.Id), order.StorefrontId, EventType, url, JsonSerializer.Serialize(notice, Json), at);
    }

    public static string IdOf(string ecommerceOrderId) => $"ready_{ecommerceOrderId}";
}

/// <summary>
/// Stages the storefront's notification in the commit that makes an e-commerce order Ready for Pickup (whoever moved it:
/// the counter's receiving or a manager), so it is sent exactly when that commit holds. A storefront without a webhook URL
/// and secret (<c>Storefronts:{id}:WebhookUrl</c>, <c>…:WebhookSecret</c>) is sent nothing, and that is logged.
/// <see cref="StorefrontNotificationJob"/> on the worker sends what is staged.
/// </summary>
public sealed class StorefrontNotifications(IOptionsMonitor<StorefrontTargets> targets, TimeProvider clock, ILogger<StorefrontNotifications> logger)
{
    public void Stage(IDocumentSession session, EcommerceOrder after, IEnumerable<object> events)
    {
        if (!EcommerceDecider.NotifiesReadyForPickup(events) || after.ConfirmationNumber is null || after.Order is null)
            return;
        var target = targets.CurrentValue.Reachable().FirstOrDefault(t => t.Id == after.StorefrontId);
        if (target.Url is null)
        {
            logger.LogWarning("E-commerce order {EcommerceOrderId} is Ready for Pickup; storefront {StorefrontId} has no webhook URL and secret: the customer is not notified",
                after.Id, after.StorefrontId);
            return;
        }
        session.Store(ReadyForPickupNotice.Delivery(after, target.Url, clock.GetUtcNow()));
    }
}
