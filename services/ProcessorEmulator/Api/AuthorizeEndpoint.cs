using OmniChannel.Contracts.Processor;

namespace OmniChannel.ProcessorEmulator.Api;

public static class AuthorizeEndpoint
{
    public static IEndpointRouteBuilder MapAuthorize(this IEndpointRouteBuilder app)
    {
        app.MapPost("/merchants/{merchantId}/authorizations", async Task<IResult> (string merchantId, AuthorizeCard request, HttpRequest http,
                ProcessorEmulator processor) =>
            {
                if ((AcquirerHttp.Key(http, out var key) ?? AcquirerHttp.Merchant(merchantId) ?? AcquirerHttp.Token(request.CardToken, "card")) is { } problem)
                    return problem;
                return AcquirerHttp.Answer(await processor.AuthorizeAsync(merchantId, key, request.CardToken, request.Amount, request.Currency,
                    request.CardPresent, request.StoredCredential, CancellationToken.None));
            })
            .WithTags("Acquirer")
            .WithSummary("Authorizes an amount on a card token (storedCredential: a merchant-initiated re-authorization). Idempotent per key.");
        return app;
    }
}
