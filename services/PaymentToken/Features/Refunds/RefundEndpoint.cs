using Marten;
using OmniChannel.PaymentToken.Connectors;
using OmniChannel.PaymentToken.Payments;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.PaymentToken.Features.Refunds;

/// <param name="CaptureToken">The capture to refund (PAY-11); without it, the order's captures, most recent first.</param>
public sealed record RefundPaymentRequest(decimal Amount, string? CaptureToken, string? Reason);

public sealed record RefundedTender(int TenderLineId, string CaptureToken, string RefundToken, decimal Amount);

public sealed record RefundResult(Guid OrderId, decimal Requested, decimal Refunded, decimal NotRefunded, string? Code, string? Reason,
    IReadOnlyList<RefundedTender> Refunds, LedgerTotals Totals);

/// <summary>PAY-11: refunds against capture tokens, through the connector that captured (PAY-1).</summary>
public static class RefundEndpoint
{
    public static IEndpointRouteBuilder MapRefunds(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/payments/orders/{orderId:guid}/refunds", Handle)
            .RequireAuthorization(PlatformPolicies.StoreWork)
            .WithTags("Payments")
            .WithSummary("Refunds an amount against a capture token (or the latest captures). Idempotent per Idempotency-Key.");
        return app;
    }

    private static async Task<IResult> Handle(Guid orderId, RefundPaymentRequest request, HttpRequest http, IDocumentSession session,
        IConnectors connectors, TimeProvider clock, CancellationToken ct)
    {
        var (key, problem) = IdempotentRequest.ReadKey(http);
        if (problem is not null)
            return problem;
        if (!Money.IsValidAmount(request.Amount))
            return PaymentHttp.InvalidAmount("amount");
        var existing = await session.LoadAsync<OrderPayments>(orderId, ct);
        if (existing is null)
            return PaymentHttp.PaymentsNotFound(orderId);

        var fingerprint = IdempotentRequest.Fingerprint(request);
        if (PaymentHttp.Replay(existing, key, fingerprint, Respond) is { } replay)
            return replay;
        if (request.CaptureToken is { } token && existing.Tenders.SelectMany(t => t.Captures).All(c => c.Token != token))
            return ProblemCodes.NotFound("capture.not_found", "The order has no capture with this capture token.");
        var refundable = RefundPlan.Refundable(existing, request.CaptureToken);
        if (request.Amount > refundable)
            return ProblemCodes.Problem(StatusCodes.Status422UnprocessableEntity, "refund.amount_exceeds_captured",
                $"{refundable:0.00} is left to refund{(request.CaptureToken is null ? "" : " on this capture")}.");

        var refund = new RefundRequest(key, fingerprint, request.Amount, request.CaptureToken);
        var payments = await PaymentHttp.Engine(session, connectors, clock).RunAsync(orderId, null, (s, now) => RefundPlan.Next(s, refund, now), ct);
        return Respond(payments, payments.Completed(key)!);
    }

    public static RefundResult Result(OrderPayments payments, RequestCompleted done) => new(payments.Id, done.Requested, done.Done, done.Shortfall,
        done.Code, done.Reason,
        payments.Refunds.Where(r => r.RequestKey == done.RequestKey).Select(r => new RefundedTender(r.TenderLineId, r.CaptureToken, r.Token, r.Amount)).ToList(),
        LedgerTotals.Of(payments));

    private static IResult Respond(OrderPayments payments, RequestCompleted done) => TypedResults.Ok(Result(payments, done));
}
