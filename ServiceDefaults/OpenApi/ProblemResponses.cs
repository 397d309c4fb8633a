using System.Globalization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.ServiceDefaults.OpenApi;

/// <summary>
/// Every error an operation can answer, each as <c>application/problem+json</c> with the platform's
/// <see cref="ProblemDetailsSchema"/> (its stable <c>code</c>): what the endpoint declares itself
/// (<c>.ProducesProblem(404)</c> for what its handler refuses), 401 and 403 (<see cref="SecurityRequirements"/>), and what
/// every service and the gateway answer before a handler runs: 400 from <see cref="RequestGuard"/> and binding (every
/// operation reads headers and its path), 413 for a body over the route's limit, 415 for a body that is not JSON,
/// 404 for a path value that does not have the route's form, 409 for an Idempotency-Key used for another request, and
/// 429 from the gateway's per-client rate limit.
/// </summary>
internal sealed class ProblemResponses : IOpenApiOperationTransformer
{
    public const string ProblemJson = "application/problem+json";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        Declare(operation, 400);
        if (operation.RequestBody is not null)
        {
            Declare(operation, 413);
            Declare(operation, 415); // binding refuses another media type, and so does routing for .Accepts<T>(...)
        }
        if (description.ParameterDescriptions.Any(p => p.RouteInfo?.Constraints?.Any() == true))
            Declare(operation, 404);
        if (description.ActionDescriptor.EndpointMetadata.OfType<IdempotencyKeyRequired>().Any())
            Declare(operation, 409);
        Declare(operation, 429);

        foreach (var status in operation.Responses!.Keys.Where(IsError).ToList())
            operation.Responses[status] = Problem(int.Parse(status, CultureInfo.InvariantCulture), context.Document);
        var byStatus = operation.Responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        operation.Responses.Clear();
        foreach (var (status, response) in byStatus)
            operation.Responses.Add(status, response);
        return Task.CompletedTask;
    }

    /// <summary>Declares that the operation answers <paramref name="status"/>; this transformer, last, writes what it holds.</summary>
    public static void Declare(OpenApiOperation operation, int status)
    {
        operation.Responses ??= [];
        operation.Responses.TryAdd(status.ToString(CultureInfo.InvariantCulture), new OpenApiResponse());
    }

    private static bool IsError(string status) => int.TryParse(status, out var code) && code >= 400;

    private static OpenApiResponse Problem(int status, OpenApiDocument? document)
    {
        var response = new OpenApiResponse
        {
            Description = Describe(status),
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ProblemJson] = new() { Schema = new OpenApiSchemaReference(ProblemDetailsSchema.Id, document) },
            },
        };
        if (status == 429)
            response.Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = new OpenApiHeader
                {
                    Description = "Seconds to wait before sending again.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                },
            };
        return response;
    }

    private static string Describe(int status) => status switch
    {
        400 => "The request is invalid; its code says how: request.invalid, value.required, value.null_element, number.out_of_range, " +
               "enum.unknown, text.control_character, request.too_deep, idempotency_key.required, idempotency_key.invalid, or a rule's own.",
        401 => "No bearer token (auth.token_missing), or one that was refused (auth.token_invalid).",
        403 => "The token's role or rights do not allow this request (auth.forbidden, auth.other_store, or a rule's own code); nothing changed.",
        404 => "What the request names does not exist (its code says what), or a path value does not have the route's form (route.not_found).",
        409 => "The request conflicts with the current state, or its Idempotency-Key was used for another request (idempotency_key.reused); " +
               "nothing changed.",
        413 => "The body is over this route's size limit (request.too_large).",
        415 => "The body is not application/json (request.unsupported_media_type).",
        422 => "The request was understood but could not be carried out (a declined card, a currency the order does not use); its code says why.",
        429 => "Over this client's rate limit at the gateway (rate_limit.exceeded); Retry-After says when to send again.",
        503 => "A service this request needs did not answer; send the same request again (with the same Idempotency-Key).",
        _ => "Refused, as problem details with a stable code.",
    };
}
