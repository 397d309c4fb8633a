using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OmniChannel.ServiceDefaults.OpenApi;

/// <summary>
/// RFC 9457 problem details as the platform writes them (<see cref="Http.ProblemCodes"/>): with the stable, machine-readable
/// <c>code</c> clients branch on, the <c>traceId</c> and, once the request got that far, the <c>correlationId</c>.
/// </summary>
internal sealed class ProblemDetailsSchema : IOpenApiDocumentTransformer
{
    public const string Id = "ProblemDetails";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[Id] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "RFC 9457 problem details with the platform's stable code.",
            Required = new HashSet<string> { "title", "status", "code", "traceId" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "A URI of the kind of problem (RFC 9110's section of the status)." },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "A short sentence for the status." },
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "What was wrong, for people." },
                ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["code"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Description = "The stable, machine-readable reason (product.not_found, auth.forbidden, …): branch on this, never on the text.",
                    Examples = [JsonValue.Create("order.not_found")],
                },
                ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The request's trace (the Aspire dashboard's Traces)." },
                ["correlationId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The request's X-Correlation-Id." },
            },
        };
        return Task.CompletedTask;
    }
}
