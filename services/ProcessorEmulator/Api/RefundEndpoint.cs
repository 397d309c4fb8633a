using OmniChannel.Contracts.Processor;

namespace OmniChannel.ProcessorEmulator.Api;

public static class RefundEndpoint
{
    public static IEndpointRouteBuilder MapRefund(this IEndpointRouteBuilder app)
    {
        app.MapPost("/merchants/{merchantId}/refunds", async Task<IResult> (string merchantId, RefundCapture request, HttpRequest http,
                ProcessorEmulator processor) =>
            {
                if ((AcquirerHttp.Key(http, out var key) ?? AcquirerHttp.Merchant(merchantId) ?? AcquirerHttp.Token(request.CaptureToken, "capture"))
                    is { } problem)
                    return problem;
                return AcquirerHttp.Answer(await processor.RefundAsync(merchantId, key, request.CaptureToken, request.Amount, CancellationToken.None));
            })
            .WithTags("Acquirer")
            .WithSummary("Gives back part or all of a capture, by its capture token (PAY-11). Idempotent per key.");
        return app;
    }
}
