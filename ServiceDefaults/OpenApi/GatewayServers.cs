using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace OmniChannel.ServiceDefaults.OpenApi;

/// <summary>
/// The document's <c>servers</c> is the gateway, the platform's one public origin, whose paths are the services' own
/// (<c>/api/...</c>): "try it" goes through the gateway's token check and rate limits, as every client does.
/// </summary>
internal sealed class GatewayServers(IOptions<OpenApiSettings> settings, IHttpContextAccessor http) : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        if (PublicUrl(settings.Value.ServerUrl, http.HttpContext?.Request.Headers) is { } url)
            document.Servers = [new OpenApiServer { Url = url, Description = "The gateway: every client's one origin." }];
        return Task.CompletedTask;
    }

    /// <summary>
    /// The configured URL; else the gateway's own as its X-Forwarded headers name it (YARP sets them and replaces any a
    /// caller sent; the first of a chain is the public one); else null, and the document keeps the request's own URL.
    /// </summary>
    internal static string? PublicUrl(string? configured, IHeaderDictionary? headers)
    {
        if (Absolute(configured) is { } url)
            return url;
        if (headers is null)
            return null;
        var proto = First(headers["X-Forwarded-Proto"]);
        var host = First(headers["X-Forwarded-Host"]);
        if (proto is null || host is null)
            return null;
        return Absolute($"{proto}://{host}{First(headers["X-Forwarded-Prefix"])}");
    }

    private static string? First(Microsoft.Extensions.Primitives.StringValues values) =>
        values.ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();

    /// <summary>An absolute http(s) URL without a trailing slash (the paths begin with one), or null.</summary>
    private static string? Absolute(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && string.IsNullOrEmpty(uri.Query)
            && string.IsNullOrEmpty(uri.Fragment) && !Http.ControlCharacters.Any(url)
            ? uri.GetLeftPart(UriPartial.Path).TrimEnd('/')
            : null;
}
