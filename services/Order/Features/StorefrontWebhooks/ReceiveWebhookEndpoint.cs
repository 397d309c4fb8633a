using System.Globalization;
using System.Text;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using OmniChannel.Order.Features.EcommerceOrders;
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
            .WithMaxBodyBytes(MaxBodyBytes)
            .WithTags("Storefront webhooks")
            .WithSummary("Receives a storefront's signed webhook (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature).")
            .Accepts<JsonElement>("application/json") // a JSON event, read as sent (the signature covers its bytes); another media type is 415
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.Parameters ??= [];
                foreach (var (header, description) in SignatureHeaders)
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = header, In = ParameterLocation.Header, Required = true, Description = description,
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                    });
                return Task.CompletedTask;
            })
            .Produces<WebhookAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status401Unauthorized); // unsigned, wrongly signed, stale or replayed
        return app;
    }

    private static readonly (string Header, string Description)[] SignatureHeaders =
    [
        (WebhookHeaders.IdHeader, "The webhook's id: the same id again stores nothing more."),
        (WebhookHeaders.TimestampHeader, "Unix seconds when it was signed, within five minutes of the platform's clock."),
        (WebhookHeaders.SignatureHeader, "v1,<base64 HMAC-SHA256 of \"id.timestamp.body\" with the storefront's secret>."),
    ];

    private static async Task<IResult> Handle(string storefrontId, HttpRequest http, IDocumentSession session,
        IOptions<StorefrontWebhookOptions> options, TimeProvider clock, CancellationToken ct)
    {
        // RequestGuard has already refused a body over the limit, one that is not JSON and one with control characters,
        // and left the buffered body at its start: read it as sent (the signature covers its bytes).
        using var reader = new StreamReader(http.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(ct);
        var headers = WebhookHeaders.From(http.Headers);
        if (WebhookSignature.Verify(options.Value, storefrontId, headers, body) is { } refusal)
            return ProblemCodes.Problem(StatusCodes.Status401Unauthorized, refusal.Code, refusal.Detail);

        // Stored without asking first: a new webhook (nearly all of them) costs one round trip; one received before is
        // the insert's duplicate key, answered from what was stored.
        var id = ReceivedWebhook.IdOf(storefrontId, headers.WebhookId);
        session.Insert(new ReceivedWebhook(id, storefrontId, headers.WebhookId, long.Parse(headers.Timestamp, CultureInfo.InvariantCulture),
            headers.Signature, body, clock.GetUtcNow()));
        // Processed on the order worker (ECM-1: asynchronously): sent only if the webhook is stored, with it.
        session.PublishOnCommit(new ProcessStorefrontWebhook { ReceivedWebhookId = id });
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception exception) when (WriteConflict.IsDuplicateKey(exception))
        {
            // Received before (a retry, a replay), or twice at once: the other request stored it.
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
}
