using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace OmniChannel.ServiceDefaults.OpenApi;

/// <summary>
/// Each service's OpenAPI document (<c>/openapi/v1.json</c>, published by the gateway as <c>/openapi/{service}/v1.json</c>)
/// tells the truth about the service, by the same rules for all, from each endpoint's metadata: who may call it (the
/// identity provider's OAuth 2.0 token, <see cref="SecurityRequirements"/>), every status it can answer with problem
/// details and their <c>code</c> (<see cref="ProblemResponses"/>), the headers it reads (<see cref="HeaderParameters"/>),
/// which members a body must hold (<see cref="RequestSchemas"/>), and where to send requests: the gateway
/// (<see cref="GatewayServers"/>). The hostile-input suite generates its requests from these documents and reports any
/// status an operation answered that its document does not declare.
/// </summary>
public static class PlatformOpenApi
{
    /// <summary>Configuration section: <c>OpenApi:ServerUrl</c>, the gateway's public URL (AppHost sets it).</summary>
    public const string Section = "OpenApi";

    public static void AddPlatformOpenApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.Configure<OpenApiSettings>(builder.Configuration.GetSection(Section));
        builder.Services.AddOpenApi(options =>
        {
            options.AddSchemaTransformer<RequestSchemas>();
            options.AddOperationTransformer<HeaderParameters>();
            options.AddOperationTransformer<SecurityRequirements>();
            options.AddOperationTransformer<ProblemResponses>(); // last: it sees every response the others declared
            options.AddDocumentTransformer<SecuritySchemes>();
            options.AddDocumentTransformer<ProblemDetailsSchema>();
            options.AddDocumentTransformer<GatewayServers>();
        });
    }
}

public sealed class OpenApiSettings
{
    /// <summary>
    /// Where clients send requests: the gateway's public URL (<c>http://127.0.0.1:8080</c> in development). Unset, a
    /// document fetched through the gateway names the gateway from its X-Forwarded headers.
    /// </summary>
    public string? ServerUrl { get; set; }
}
