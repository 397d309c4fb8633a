using OmniChannel.Contracts.Processor;

namespace OmniChannel.ProcessorEmulator.Api;

public static class VoidEndpoint
{
    public static IEndpointRouteBuilder MapVoid(this IEndpointRouteBuilder app)
    {
        app.MapPost("/merchants/{merchantId}/voids", async Task<IResult> (string merchantId, VoidAuthorization request, HttpRequest http,
                ProcessorEmulator processor) =>
            {
                if ((AcquirerHttp.Key(http, out var key) ?? AcquirerHttp.Merchant(merchantId) ?? AcquirerHttp.Token(request.AuthorizationToken, "authorization"))
                    is { } problem)
                    return problem;
                return AcquirerHttp.Answer(await processor.VoidAsync(merchantId, key, request.AuthorizationToken, CancellationToken.None));
            })
            .WithTags("Acquirer")
            .WithSummary("Releases what an authorization still holds. Idempotent per key.");
        return app;
    }
}
