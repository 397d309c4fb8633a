using Microsoft.Extensions.Primitives;
using OmniChannel.ServiceDefaults.Http;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace OmniChannel.Order.Features.StorefrontWebhooks;

/// <summary>Each storefront's signing secret (<c>Storefronts:{id}:WebhookSecret</c>, Standard Webhooks' <c>whsec_…</c> form).</summary>
public sealed class StorefrontWebhookOptions
{
    public Dictionary<string, StorefrontWebhookEndpoint> Storefronts { get; init; } = new(StringComparer.Ordinal);
}

public sealed class StorefrontWebhookEndpoint
{
    public string? WebhookSecret { get; init; }
}

/// <summary>The Standard Webhooks headers a signed webhook carries.</summary>
public sealed record WebhookHeaders(string WebhookId, string Timestamp, string Signature)
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    public static WebhookHeaders From(IHeaderDictionary headers) =>
        new(headers[IdHeader].ToString(), headers[TimestampHeader].ToString(), headers[SignatureHeader].ToString());
}

/// <summary>
/// Standard Webhooks (https://www.standardwebhooks.com, as Svix, Zapier and Twilio send them): HMAC-SHA256 with the
/// storefront's secret over "id.timestamp.body", and a timestamp within five minutes of ours (the StandardWebhooks
/// library's window), so a captured request cannot be sent again later. The library does the cryptography and the
/// constant-time comparison; this says which storefront and which answer.
/// </summary>
public static class WebhookSignature
{
    private const int MaxWebhookIdLength = 100;

    public static Refusal? Verify(StorefrontWebhookOptions options, string storefrontId, WebhookHeaders headers, string body)
    {
        if (!options.Storefronts.TryGetValue(storefrontId, out var storefront) || string.IsNullOrEmpty(storefront.WebhookSecret))
            return Unsigned("This storefront sends no signed webhooks here.");
        if (headers.WebhookId.Length is 0 or > MaxWebhookIdLength || !headers.WebhookId.All(IsIdCharacter))
            return Unsigned($"{WebhookHeaders.IdHeader} is 1 to {MaxWebhookIdLength} letters, digits, '-', '_', '.' or ':'.");
        try
        {
            new StandardWebhook(storefront.WebhookSecret).Verify(body, new HeaderDictionary
            {
                [WebhookHeaders.IdHeader] = new StringValues(headers.WebhookId),
                [WebhookHeaders.TimestampHeader] = new StringValues(headers.Timestamp),
                [WebhookHeaders.SignatureHeader] = new StringValues(headers.Signature),
            });
            return null;
        }
        catch (WebhookVerificationException exception) when (exception.Message.StartsWith("Message timestamp", StringComparison.Ordinal))
        {
            return new Refusal("webhook.stale", "The webhook's timestamp is more than five minutes from ours: sign it again when you send it.");
        }
        catch (WebhookVerificationException)
        {
            return Unsigned("The webhook's signature does not match its id, timestamp and body under this storefront's secret.");
        }
    }

    /// <summary>The same id, timestamp and signature as a webhook already received: the same request sent again.</summary>
    public static bool IsReplay(ReceivedWebhook received, WebhookHeaders headers) =>
        received.Timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture) == headers.Timestamp && received.Signature == headers.Signature;

    private static bool IsIdCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':';

    private static Refusal Unsigned(string detail) => new("webhook.signature_invalid", detail);
}
