using System.Globalization;
using System.Text;
using Marten;
using Microsoft.Extensions.Options;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Persistence;

namespace OmniChannel.Order.Features.StorefrontWebhooks;

public sealed record WebhookAccepted(string StorefrontId, string WebhookId, bool Duplicate);

/// <summary>
/// A storefront posts its orders as signed webhooks (ECM-1). The signature is the storefront's identity, not a bearer
/// token: storefront platforms sign what they send. Stored as received and acknowledged at once (202); the same webhook
/// id again stores nothing more; unsigned, wrongly signed, stale or replayed requests are 401 and store nothing.
/// </summary>
public static class ReceiveWebhookEndpoint
{
    public const int MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapStorefrontWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/storefronts/{storefrontId}/webhooks", Handle)
            .AllowAnonymous() // authenticated by the webhook's signature
            .WithTags("Storefront webhooks")
            .WithSummary("Receives a storefront's signed webhook (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature).")
            .Produces<WebhookAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return app;
    }

    private static async Task<IResult> Handle(string storefrontId, HttpRequest http, IDocumentSession session,
        IOptions<StorefrontWebhookOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var body = await ReadBodyAsync(http, ct);
        if (body is null)
            return ProblemCodes.Problem(StatusCodes.Status413PayloadTooLarge, "request.too_large", $"A webhook is at most {MaxBodyBytes / 1024} KB.");
        var headers = WebhookHeaders.From(http.Headers);
        if (WebhookSignature.Verify(options.Value, storefrontId, headers, body) is { } refusal)
            return ProblemCodes.Problem(StatusCodes.Status401Unauthorized, refusal.Code, refusal.Detail);
        if (body.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n')))
            return ProblemCodes.BadRequest("text.control_character", "A webhook's body is JSON text: control characters only escaped.");

        var id = ReceivedWebhook.IdOf(storefrontId, headers.WebhookId);
        if (await session.LoadAsync<ReceivedWebhook>(id, ct) is { } received)
            return Again(received, headers);
        session.Insert(new ReceivedWebhook(id, storefrontId, headers.WebhookId, long.Parse(headers.Timestamp, CultureInfo.InvariantCulture),
            headers.Signature, body, clock.GetUtcNow()));
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception exception) when (WriteConflict.IsDuplicateKey(exception))
        {
            // The same webhook arrived twice at once: the other request stored it.
            session.EjectAllPendingChanges();
            return Again((await session.LoadAsync<ReceivedWebhook>(id, ct))!, headers);
        }
        return TypedResults.Accepted((string?)null, new WebhookAccepted(storefrontId, headers.WebhookId, Duplicate: false));
    }

    /// <summary>A retry (signed again, with a new timestamp) is acknowledged; the very same request sent again is a replay.</summary>
    private static IResult Again(ReceivedWebhook received, WebhookHeaders headers) =>
        WebhookSignature.IsReplay(received, headers)
            ? ProblemCodes.Problem(StatusCodes.Status401Unauthorized, "webhook.replayed", "This exact webhook request was received before.")
            : TypedResults.Accepted((string?)null, new WebhookAccepted(received.StorefrontId, received.WebhookId, Duplicate: true));

    /// <summary>The raw body as sent (the signature covers its bytes), or null when it is over the limit.</summary>
    private static async Task<string?> ReadBodyAsync(HttpRequest http, CancellationToken ct)
    {
        if (http.ContentLength > MaxBodyBytes)
            return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
