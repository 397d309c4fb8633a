using OmniChannel.Contracts.Processor;

namespace OmniChannel.ProcessorEmulator.Api;

public static class VerifyEndpoint
{
    public static IEndpointRouteBuilder MapVerify(this IEndpointRouteBuilder app)
    {
        app.MapPost("/merchants/{merchantId}/verifications", async Task<IResult> (string merchantId, VerifyCard request,
                ProcessorEmulator processor, CancellationToken ct) =>
            {
                if ((AcquirerHttp.Merchant(merchantId) ?? AcquirerHttp.Token(request.CardToken, "card")) is { } problem)
                    return problem;
                return AcquirerHttp.Answer(await processor.VerifyAsync(merchantId, request.CardToken, ct));
            })
            .WithTags("Acquirer")
            .WithSummary("A zero-amount verification of a card token: declined or not, and whether it is a recurring token. Changes nothing.");
        return app;
    }
}
