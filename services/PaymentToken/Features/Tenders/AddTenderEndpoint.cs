using Marten;
using OmniChannel.PaymentToken.Connectors;
using OmniChannel.PaymentToken.Features.TenderTypes;
using OmniChannel.PaymentToken.Payments;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.PaymentToken.Features.Tenders;

public sealed record TenderAdded(Guid OrderId, int TenderLineId, decimal AuthorizedAmount, decimal CapturedAmount, decimal OpenAuthorization,
    string AuthorizationToken, DateTimeOffset AuthorizationExpiresAt, string? CaptureToken, bool RecurringToken, bool SecondCardRequired,
    string CardToken, LedgerTotals Totals);

/// <summary>
/// A new card tender on an order: verified, authorized, and captured in part or in full (PAY-1, PAY-2, PAY-4, PAY-5,
/// PAY-7, PAY-8). Money moves only through the order: this is the Order service's call (<c>POST /api/orders/{cn}/tenders</c>
/// decides who may tender what on which order, and how much), made with its service token; it is not routed by the
/// gateway (only <c>/api/...</c> is) and not in the public API's document.
/// </summary>
public static class AddTenderEndpoint
{
    public const string Route = "/internal/payments/orders/{orderId:guid}/tenders";

    public static IEndpointRouteBuilder MapAddTender(this IEndpointRouteBuilder app)
    {
        app.MapPost(Route, Handle)
            .RequireAuthorization(PlatformPolicies.Service)
            .RequiresIdempotencyKey()
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> Handle(Guid orderId, AddTenderRequest request, HttpRequest http, IDocumentSession session,
        IConnectors connectors, TimeProvider clock, CancellationToken ct)
    {
        var (key, problem) = IdempotentRequest.ReadKey(http);
        if (problem is not null)
            return problem;
        var tenderType = request.TenderTypeId is null ? null : await session.LoadAsync<TenderType>(request.TenderTypeId, ct);
        var (tender, refusal) = request.Validate(tenderType);
        if (refusal is not null)
            return refusal.ToProblem();

        var fingerprint = IdempotentRequest.Fingerprint(request);
        var existing = await session.LoadAsync<OrderPayments>(orderId, ct);
        if (PaymentHttp.Replay(existing, key, fingerprint, (p, done) => Respond(p, done, tender!)) is { } replay)
            return replay;
        if (existing is not null && existing.Currency != request.Currency)
            return ProblemCodes.Problem(StatusCodes.Status422UnprocessableEntity, "currency.mismatch",
                $"The order's payments are in {existing.Currency}: a tender in {request.Currency} cannot join them.");

        var card = tender!.Tender;
        var verification = await connectors.For(card.ConnectorId, card.MerchantId, card.CardPresent).VerifyAsync(card.CardToken, ct);
        var decision = TenderRules.Decide(tender, verification);
        var payments = await PaymentHttp.Engine(session, connectors, clock)
            .RunAsync(orderId, new LedgerOpening(request.ConfirmationNumber, request.Currency!), (s, now) => TenderPlan.Next(s, tender, decision, key, fingerprint, now), ct);
        return Respond(payments, payments.Completed(key)!, tender);
    }

    private static IResult Respond(OrderPayments payments, RequestCompleted done, NewTender tender)
    {
        var line = payments.Tenders.FirstOrDefault(t => t.RequestKey == done.RequestKey);
        if (line is null || done.Code is not null)
            return ProblemCodes.Problem(StatusCodes.Status422UnprocessableEntity, done.Code ?? "tender.declined", done.Reason ?? "");
        var first = line.Authorizations[0];
        var captures = line.Captures.Where(c => c.RequestKey == done.RequestKey).ToList();
        var secondCard = tender.Tender.Channel == Channel.Store && !line.RecurringToken && tender.Amount > tender.Capture;
        return TypedResults.Created($"/api/payments/orders/{payments.Id}", new TenderAdded(payments.Id, line.Id, first.Amount,
            captures.Sum(c => c.Amount), line.Current!.Open, first.Token, first.ExpiresAt, captures.LastOrDefault()?.Token, line.RecurringToken,
            secondCard, PaymentHttp.Mask(line.Tender.CardToken), LedgerTotals.Of(payments)));
    }
}
