using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace OmniChannel.ServiceDefaults.Http;

/// <summary>
/// What minimal APIs throw for a request they cannot bind (RouteHandlerOptions.ThrowOnBadRequest): a problem with a
/// stable code, never a 500 and never the exception's text (which can quote the request). The code says what was wrong:
/// a <see cref="RequestRefusedException"/>'s own, <c>request.too_large</c> (413), <c>request.unsupported_media_type</c>
/// (415) or <c>request.invalid</c>.
/// </summary>
public sealed class BadRequestProblems : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || httpContext.Response.HasStarted)
            return false;
        var problem = bad switch
        {
            { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                RequestGuard.TooLarge(httpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? 0),
            { StatusCode: StatusCodes.Status415UnsupportedMediaType } =>
                ProblemCodes.Problem(StatusCodes.Status415UnsupportedMediaType, "request.unsupported_media_type", "Send the body as application/json."),
            { InnerException: RequestRefusedException refused } => ProblemCodes.BadRequest(refused.Code, $"{Reason(refused)}{At(refused)}"),
            { InnerException: JsonException json } => ProblemCodes.BadRequest("request.invalid", $"The body is not what this request takes{At(json)}."),
            { StatusCode: < 500 and >= 400 } => ProblemCodes.Problem(bad.StatusCode, "request.invalid", "A required value is missing, or a value could not be read."),
            _ => ProblemCodes.BadRequest("request.invalid", "The request could not be read."),
        };
        await problem.ExecuteAsync(httpContext);
        return true;
    }

    // System.Text.Json may have added its own sentence about the path; the path is said once, below.
    private static string Reason(RequestRefusedException refused) => refused.Message.Split(" Path:", 2)[0];

    private static string At(JsonException exception) => exception.Path is { Length: > 0 } path ? $" (at {path})" : "";
}
