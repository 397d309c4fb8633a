using OmniChannel.Contracts.Processor;

namespace OmniChannel.ProcessorEmulator.Api;

public static class CaptureEndpoint
{
    public static IEndpointRouteBuilder MapCapture(this IEndpointRouteBuilder app)
    {
        app.MapPost("/merchants/{merchantId}/captures", async Task<IResult> (string merchantId, CaptureAuthorization request, HttpRequest http,
                ProcessorEmulator processor) =>
            {
                if ((AcquirerHttp.Key(http, out var key) ?? AcquirerHttp.Merchant(merchantId) ?? AcquirerHttp.Token(request.AuthorizationToken, "authorization"))
                    is { } problem)
                    return problem;
                return AcquirerHttp.Answer(await processor.CaptureAsync(merchantId, key, request.AuthorizationToken, request.Amount, CancellationToken.None));
            })
            .WithTags("Acquirer")
            .WithSummary("Captures part or all of what an authorization still holds. Idempotent per key: a retry never captures twice.");
        return app;
    }
}
