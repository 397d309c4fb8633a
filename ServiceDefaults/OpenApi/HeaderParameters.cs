using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.ServiceDefaults.OpenApi;

/// <summary>
/// The headers an operation reads beside its own parameters: the terminal's transaction id as <c>Idempotency-Key</c>
/// where the endpoint says it takes one (<see cref="IdempotencyKeyEndpoints.RequiresIdempotencyKey{TBuilder}"/>), and
/// the caller's <c>X-Correlation-Id</c>, which every operation carries into its logs, traces and problems.
/// </summary>
internal sealed class HeaderParameters : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Parameters ??= [];
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IdempotencyKeyRequired>().Any())
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotentRequest.Header,
                In = ParameterLocation.Header,
                Required = true,
                Description = "The terminal's transaction id: the same key with the same body answers as the first time, with another body 409 " +
                              "idempotency_key.reused; none is 400 idempotency_key.required, another form 400 idempotency_key.invalid.",
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    MinLength = 1,
                    MaxLength = IdempotentRequest.MaxKeyLength,
                    Pattern = $"^[A-Za-z0-9._-]{{1,{IdempotentRequest.MaxKeyLength}}}$",
                },
            });
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = CorrelationIdMiddleware.HeaderName,
            In = ParameterLocation.Header,
            Required = false,
            Description = "Follows the request through the gateway and every service (logs, traces, problem details' correlationId); " +
                          "the gateway makes one when none is sent. No control characters (400 text.control_character).",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
        return Task.CompletedTask;
    }
}
