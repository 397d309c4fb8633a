using Marten;
using OmniChannel.PaymentToken.Connectors;
using OmniChannel.PaymentToken.Payments;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.PaymentToken.Features.Captures;

/// <param name="Purpose">pickup (goods handed over at a store, PAY-3/4/5/8/9/10) or invoice (shipped lines, PAY-6).</param>
/// <param name="Amount">What the goods being picked up or invoiced cost.</param>
/// <param name="TenderLineId">PAY-8: the tender line of a different card taken for this pickup, captured first.</param>
public sealed record CaptureForFulfillmentRequest(string? Purpose, decimal Amount, string? StoreId, string? Reference, int? TenderLineId = null);

public sealed record CapturedTender(int TenderLineId, string CaptureToken, string AuthorizationToken, decimal Amount);

public sealed record FulfillmentCaptureResult(Guid OrderId, TenderPurpose Purpose, decimal AmountDue, decimal Captured, decimal BalanceDue,
    bool NewTenderRequired, string? Code, string? Reason, IReadOnlyList<CapturedTender> Captures, LedgerTotals Totals);

/// <summary>
/// "Use available payment method": capture the goods being picked up or invoiced from the order's card tenders.
/// When the result says <c>newTenderRequired</c>, the terminal takes a new payment for <c>balanceDue</c>
/// (POST .../tenders with purpose pickup).
/// </summary>
public static class CaptureEndpoint
{
    public static IEndpointRouteBuilder MapCaptures(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/payments/orders/{orderId:guid}/captures", Handle)
            .RequireAuthorization(PlatformPolicies.StoreWork)
            .WithTags("Payments")
            .WithSummary("Captures an amount due at pickup or invoicing from the order's tenders, in turn. Idempotent per Idempotency-Key.");
        return app;
    }

    private static async Task<IResult> Handle(Guid orderId, CaptureForFulfillmentRequest request, HttpRequest http, IDocumentSession session,
        IConnectors connectors, TimeProvider clock, CancellationToken ct)
    {
        var (key, problem) = IdempotentRequest.ReadKey(http);
        if (problem is not null)
            return problem;
        if (!Enum.TryParse<TenderPurpose>(request.Purpose ?? "", ignoreCase: true, out var purpose) || purpose is not (TenderPurpose.Pickup or TenderPurpose.Invoice))
            return ProblemCodes.BadRequest("capture.purpose_unknown", "purpose is pickup or invoice.");
        if (!Money.IsValidAmount(request.Amount))
            return PaymentHttp.InvalidAmount("amount");

        var fingerprint = IdempotentRequest.Fingerprint(request);
        var existing = await session.LoadAsync<OrderPayments>(orderId, ct);
        if (existing is null)
            return PaymentHttp.PaymentsNotFound(orderId);
        if (PaymentHttp.Replay(existing, key, fingerprint, Respond) is { } replay)
            return replay;

        var capture = new CaptureRequest(key, fingerprint, purpose, request.Amount, request.TenderLineId);
        var payments = await PaymentHttp.Engine(session, connectors, clock)
            .RunAsync(orderId, null, (s, now) => CapturePlan.Next(s, capture, now), ct);
        return Respond(payments, payments.Completed(key)!);
    }

    public static FulfillmentCaptureResult Result(OrderPayments payments, RequestCompleted done) => new(payments.Id,
        payments.Tenders.SelectMany(t => t.Captures).FirstOrDefault(c => c.RequestKey == done.RequestKey)?.Purpose ?? TenderPurpose.Pickup,
        done.Requested, done.Done, done.Shortfall, done.Code == CapturePlan.NewTenderRequired, done.Code, done.Reason,
        payments.Tenders.SelectMany(t => t.Captures.Where(c => c.RequestKey == done.RequestKey)
            .Select(c => new CapturedTender(t.Id, c.Token, c.AuthorizationToken, c.Amount))).ToList(),
        LedgerTotals.Of(payments));

    private static IResult Respond(OrderPayments payments, RequestCompleted done) => TypedResults.Ok(Result(payments, done));
}
