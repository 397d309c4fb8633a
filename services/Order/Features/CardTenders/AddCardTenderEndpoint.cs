using Marten;
using OmniChannel.Order.Features.Rights;
using OmniChannel.Order.Orders;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.Order.Features.CardTenders;

/// <param name="TenderTypeId">The tender type (<c>CARD</c>, GET /api/payments/tender-types).</param>
/// <param name="CardTypeId">The card type (<c>VISA</c>, <c>MC</c>, …).</param>
/// <param name="CardToken">The payment terminal's token for the card, never a card number (PAY-12).</param>
/// <param name="Amount">What to authorize, in the order's currency: at most what the order still has to collect.</param>
public sealed record AddCardTenderRequest(string TenderTypeId, string CardTypeId, string CardToken, decimal Amount);

/// <param name="TenderLineId">The tender line of the order's payments: name it to have a pickup or a payment retry capture this card first (PAY-8).</param>
/// <param name="Outstanding">What the order still has to collect (this card's authorization is not a payment yet).</param>
public sealed record CardTenderAccepted(string ConfirmationNumber, int TenderLineId, decimal AuthorizedAmount, string Currency, string CardToken,
    DateTimeOffset AuthorizationExpiresAt, bool RecurringToken, decimal Outstanding, string Location);

/// <summary>
/// POST /api/orders/{confirmationNumber}/tenders: a card the terminal takes at the counter for an order (PAY-7 a second
/// card for the balance, PAY-8 a different card at pickup, PAY-9 a new payment when the order's cards could not pay, PAY-10
/// the balance split over cards). Money moves only through the order: the order must be confirmed and not paid, the
/// terminal must be its store's or its pickup store's, and the card is only authorized, for at most what the order still
/// has to collect; the saga captures it when goods leave. The Payment service is asked with the terminal's
/// Idempotency-Key, so a repeat answers the first outcome.
/// </summary>
public static class AddCardTenderEndpoint
{
    public static IEndpointRouteBuilder MapAddCardTender(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/orders/{confirmationNumber}/tenders", Handle)
            .RequireAuthorization(PlatformPolicies.StoreWork)
            .RequiresIdempotencyKey()
            .WithTags("Orders")
            .WithSummary("Takes a new card for an order at the counter: authorized for at most what the order still has to collect (PAY-7..10).")
            .Produces<CardTenderAccepted>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity) // the Payment service's word: a declined card
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable); // the Payment service did not answer: send it again
        return app;
    }

    private static async Task<IResult> Handle(string confirmationNumber, AddCardTenderRequest request, HttpRequest http, IDocumentSession session,
        PaymentTenders payments, TimeProvider clock, CancellationToken ct)
    {
        var (key, problem) = IdempotentRequest.ReadKey(http);
        if (problem is not null)
            return problem;
        if (CardTenderRules.CheckCard(request.CardToken) is { } notAToken)
            return notAToken.ToProblem();
        if (await session.LoadAsync<CustomerOrder>(confirmationNumber, ct) is not { } order)
            return ProblemCodes.NotFound("order.not_found", $"No order has confirmation number '{confirmationNumber}'.");
        var caller = http.HttpContext.User;
        if (OrderRights.MayWorkOn(caller, order.StoreId, order.Lines) is { } otherStore)
            return otherStore.ToProblem();
        if (CardTenderRules.Decide(order, request.Amount) is { } refusal)
            return refusal.ToProblem();

        var (tender, failed) = await payments.AddAsync(order.OrderId, key, new PaymentTenderCall(order.Id, caller.StoreId()!, "store",
            request.TenderTypeId, request.CardTypeId, request.CardToken, request.Amount, order.Currency, CaptureAmount: 0m, Purpose: "pickup",
            Prepayment: false), ct);
        if (failed is not null)
            return ProblemCodes.Problem(failed.Status, failed.Code, failed.Detail);

        if (order.CardTenders?.Any(t => t.TenderLineId == tender!.TenderLineId) != true) // a repeated request recorded it already
        {
            session.Events.Append(order.Id, new CardTenderTaken(tender!.TenderLineId, request.TenderTypeId, request.CardTypeId, tender.CardToken,
                tender.AuthorizedAmount, caller.StoreId()!, clock.GetUtcNow()));
            await session.SaveChangesAsync(ct);
        }
        var location = $"/api/orders/{order.Id}";
        return TypedResults.Created(location, new CardTenderAccepted(order.Id, tender!.TenderLineId, tender.AuthorizedAmount, order.Currency,
            tender.CardToken, tender.AuthorizationExpiresAt, tender.RecurringToken, CardTenderRules.Outstanding(order), location));
    }
}
