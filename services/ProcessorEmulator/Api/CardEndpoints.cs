using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.ProcessorEmulator.Api;

public sealed record TokenizeCardRequest(string? MerchantId, string? CardNumber);

public sealed record TokenizedCard(string CardToken, string CardTypeId, bool RecurringToken);

/// <summary>
/// The emulator's face to the card: what a payment terminal or a storefront's hosted payment fields would do with the
/// acquirer. The gateway routes nothing here, so no card number passes it, and nothing here logs or returns one (PAY-12).
/// </summary>
public static class CardEndpoints
{
    public const string DefaultMerchant = "OMNI-US-001";

    public static IEndpointRouteBuilder MapCards(this IEndpointRouteBuilder app)
    {
        var cards = app.MapGroup("").WithTags("Cards");
        cards.MapPost("/tokenize", async Task<IResult> (ProcessorEmulator processor, TokenizeCardRequest request, CancellationToken ct) =>
            {
                if (string.IsNullOrWhiteSpace(request.CardNumber))
                    return ProblemCodes.BadRequest("card.number_required", "A test card number is required.");
                if (AcquirerHttp.Merchant(request.MerchantId ?? DefaultMerchant) is { } problem)
                    return problem;
                var result = await processor.TokenizeAsync(request.MerchantId ?? DefaultMerchant, request.CardNumber, ct);
                return result.Approved
                    ? TypedResults.Ok(new TokenizedCard(result.Token!, result.CardTypeId!, result.RecurringToken))
                    : ProblemCodes.BadRequest(result.Code!, result.Reason!);
            })
            .WithSummary("Tokenizes one of the emulator's test cards: the card number is not kept anywhere (PAY-12).");
        cards.MapGet("/test-cards", () => TypedResults.Ok(new
        {
            cards = TestCards.Cards.Select(c => new { last4 = c.Number[^4..], c.CardTypeId, behaviour = c.Behaviour.Name }),
            wellKnownTokens = TestCards.TokenPrefixes.Select(p => new { prefix = p.Prefix, behaviour = p.Behaviour.Name })
                    .Append(new { prefix = "(any other)", behaviour = CardBehaviour.Approve.Name }),
        }))
            .WithSummary("The emulator's test cards (last four digits only) and well-known tokens with their behaviours.");
        return app;
    }
}
