using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;

namespace OmniChannel.ServiceDefaults.Http;

/// <summary>
/// Errors users see are RFC 7807 problem details with a stable, machine-readable <c>code</c>
/// (e.g. <c>product.not_found</c>); terminals and storefronts branch on the code, never on the text.
/// </summary>
public static class ProblemCodes
{
    public static ProblemHttpResult NotFound(string code, string detail) => Problem(StatusCodes.Status404NotFound, code, detail);

    public static ProblemHttpResult BadRequest(string code, string detail) => Problem(StatusCodes.Status400BadRequest, code, detail);

    public static ProblemHttpResult Conflict(string code, string detail) => Problem(StatusCodes.Status409Conflict, code, detail);

    public static ProblemHttpResult Forbidden(string code, string detail) => Problem(StatusCodes.Status403Forbidden, code, detail);

    public static ProblemHttpResult Problem(int status, string code, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: Title(status),
            extensions: new Dictionary<string, object?> { ["code"] = code });

    /// <summary>Writes a problem from middleware (authentication, authorization), where no endpoint returns a result.</summary>
    public static async Task WriteAsync(HttpContext context, int status, string code, string detail)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = Title(status), Detail = detail, Extensions = { ["code"] = code } },
        });
    }

    internal static void AddTraceAndCorrelation(ProblemDetailsContext context)
    {
        var extensions = context.ProblemDetails.Extensions;
        extensions.TryAdd("code", context.ProblemDetails.Status switch
        {
            StatusCodes.Status404NotFound => "route.not_found",
            StatusCodes.Status405MethodNotAllowed => "route.method_not_allowed",
            StatusCodes.Status413PayloadTooLarge => "request.too_large",
            StatusCodes.Status415UnsupportedMediaType => "request.unsupported_media_type",
            StatusCodes.Status429TooManyRequests => "rate_limit.exceeded",
            StatusCodes.Status431RequestHeaderFieldsTooLarge => "request.headers_too_large",
            >= 500 => "server.error",
            _ => "request.invalid",
        });
        extensions.TryAdd("traceId", Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier);
        if (context.HttpContext.Items.TryGetValue(CorrelationIdMiddleware.HeaderName, out var correlationId))
            extensions.TryAdd("correlationId", correlationId);
    }

    private static string Title(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "The request is invalid.",
        StatusCodes.Status401Unauthorized => "Who is asking is not known.",
        StatusCodes.Status403Forbidden => "Not allowed.",
        StatusCodes.Status404NotFound => "Not found.",
        StatusCodes.Status409Conflict => "The request conflicts with the current state.",
        StatusCodes.Status413PayloadTooLarge => "The request is too large.",
        StatusCodes.Status415UnsupportedMediaType => "The request body is not JSON.",
        StatusCodes.Status429TooManyRequests => "Too many requests.",
        _ => "The request could not be processed.",
    };
}
