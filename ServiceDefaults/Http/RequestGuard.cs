using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace OmniChannel.ServiceDefaults.Http;

/// <summary>
/// The first check of every request, in every service and at the gateway: no control character in the path, the query,
/// the headers the services read or any JSON string (names included); a JSON body no deeper than
/// <see cref="RequestLimits.MaxJsonDepth"/> and no bigger than the route allows. One pass over a buffered body, before
/// anything binds it: hostile text never reaches a rule, a log or PostgreSQL (which cannot store a NUL).
/// </summary>
public sealed class RequestGuard(RequestDelegate next, IOptions<RequestLimits> limits)
{
    private static readonly string[] ReadHeaders = [IdempotentRequest.Header, CorrelationIdMiddleware.HeaderName];

    public async Task InvokeAsync(HttpContext context)
    {
        var maxBody = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? limits.Value.MaxBodyBytes;
        // The server answers 413 for bodies it reads past this (BadRequestProblems). gRPC keeps its own message limit.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size
            && context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) != true)
            size.MaxRequestBodySize = maxBody;

        var refusal = TextRefusal(context.Request);
        if (refusal is null && context.Request.HasJsonContentType())
            refusal = await JsonBodyRefusalAsync(context.Request, maxBody, context.RequestAborted);
        if (refusal is not null)
        {
            await refusal.ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    /// <summary>The problem for a control character in the path, the query or a header the services read; null when there is none.</summary>
    public static IResult? TextRefusal(HttpRequest request)
    {
        if (ControlCharacters.Any(request.Path.Value))
            return ControlCharacter("the path");
        foreach (var (name, values) in request.Query)
        {
            if (ControlCharacters.Any(name) || values.Any(value => ControlCharacters.Any(value)))
                return ControlCharacter("the query");
        }
        foreach (var header in ReadHeaders)
        {
            if (request.Headers[header].Any(value => ControlCharacters.Any(value)))
                return ControlCharacter($"the {header} header");
        }
        return null;
    }

    /// <summary>The problem for a JSON body that is too big, malformed, too deep or holds a control character; null when it is fine.</summary>
    public static IResult? JsonBodyRefusal(ReadOnlySpan<byte> json)
    {
        if (json.IsEmpty)
            return null; // binding answers for a missing body
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = RequestLimits.MaxJsonDepth + 1 });
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray when reader.CurrentDepth >= RequestLimits.MaxJsonDepth:
                        return ProblemCodes.BadRequest("request.too_deep", $"A request body nests at most {RequestLimits.MaxJsonDepth} levels.");
                    case JsonTokenType.String or JsonTokenType.PropertyName when HasControlCharacter(ref reader):
                        return ControlCharacter($"the body at {reader.TokenType switch { JsonTokenType.PropertyName => "a property name", _ => "a string" }}");
                }
            }
            return null;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // Not JSON (or a string that is not text); the same answer binding gives, without its message.
            return ProblemCodes.BadRequest("request.invalid", "The body is not valid JSON.");
        }
    }

    private static bool HasControlCharacter(ref Utf8JsonReader reader) =>
        reader.ValueIsEscaped ? ControlCharacters.Any(reader.GetString()) : ControlCharacters.AnyUtf8(reader.ValueSpan);

    private static async Task<IResult?> JsonBodyRefusalAsync(HttpRequest request, long maxBody, CancellationToken ct)
    {
        if (request.ContentLength > maxBody)
            return TooLarge(maxBody);
        request.EnableBuffering();
        using var body = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (body.Length + read > maxBody)
                return TooLarge(maxBody); // also where the server does not enforce the limit itself
            body.Write(chunk, 0, read);
        }
        request.Body.Position = 0;
        return JsonBodyRefusal(body.GetBuffer().AsSpan(0, (int)body.Length));
    }

    internal static IResult TooLarge(long maxBody) =>
        ProblemCodes.Problem(StatusCodes.Status413PayloadTooLarge, "request.too_large", $"A request body here is at most {maxBody / 1024} KB.");

    private static IResult ControlCharacter(string where) =>
        ProblemCodes.BadRequest("text.control_character",
            $"A control character (U+0000–U+001F, U+007F–U+009F; tab and line breaks included) was found in {where}: no value of this API holds one.");
}
