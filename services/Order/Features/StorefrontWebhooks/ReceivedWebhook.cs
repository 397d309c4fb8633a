namespace OmniChannel.Order.Features.StorefrontWebhooks;

/// <summary>
/// A storefront's webhook as it arrived, kept before anything is made of it (the raw payload stays for support). Its id
/// is the storefront and the webhook id, so a storefront's retry of the same webhook stores nothing more.
/// </summary>
public sealed record ReceivedWebhook(
    string Id,
    string StorefrontId,
    string WebhookId,
    long Timestamp,
    string Signature,
    string Payload,
    DateTimeOffset ReceivedAt)
{
    public static string IdOf(string storefrontId, string webhookId) => $"{storefrontId}/{webhookId}";
}
