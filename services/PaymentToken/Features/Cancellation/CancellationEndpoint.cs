using Marten;
using OmniChannel.PaymentToken.Connectors;
using OmniChannel.PaymentToken.Features.Refunds;
using OmniChannel.PaymentToken.Payments;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.PaymentToken.Features.Cancellation;

public sealed record SettleCancellationRequest(decimal CancellationCharge);

public sealed record CancellationResult(Guid OrderId, decimal CancellationCharge, decimal Refunded, decimal Retained,
    IReadOnlyList<RefundedTender> Refunds, LedgerTotals Totals);

public static class CancellationEndpoint
{
    public static IEndpointRouteBuilder MapCancellation(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/payments/orders/{orderId:guid}/cancellation", async Task<IResult> (Guid orderId, SettleCancellationRequest request,
                HttpRequest http, IDocumentSession session, IConnectors connectors, TimeProvider clock, CancellationToken ct) =>
            {
                var (key, problem) = IdempotentRequest.ReadKey(http);
                if (problem is not null)
                    return problem;
                if (request.CancellationCharge < 0 || request.CancellationCharge != Money.Round(request.CancellationCharge))
                    return ProblemCodes.BadRequest("cancellation.charge_invalid", "cancellationCharge is 0 or more, in cents.");
                var existing = await session.LoadAsync<OrderPayments>(orderId, ct);
                if (existing is null)
                    return PaymentHttp.PaymentsNotFound(orderId);
                var fingerprint = IdempotentRequest.Fingerprint(request);
                var refundKey = CancellationPlan.RefundKey(key);
                if (PaymentHttp.Replay(existing, refundKey, fingerprint, (p, done) => Respond(p, done, request.CancellationCharge)) is { } replay)
                    return replay;

                var payments = await PaymentHttp.Engine(session, connectors, clock)
                    .RunAsync(orderId, null, (s, now) => CancellationPlan.Next(s, key, fingerprint, request.CancellationCharge, now), ct);
                return Respond(payments, payments.Completed(refundKey)!, request.CancellationCharge);
            })
            .RequireAuthorization(PlatformPolicies.StoreWork)
            .WithTags("Payments")
            .WithSummary("Settles a cancelled order: voids open authorizations, refunds deposits and prepayments minus the charge.");
        return app;
    }

    private static IResult Respond(OrderPayments payments, RequestCompleted refund, decimal charge)
    {
        var refunds = RefundEndpoint.Result(payments, refund);
        return TypedResults.Ok(new CancellationResult(payments.Id, charge, refunds.Refunded, LedgerTotals.PrepaidOf(payments), refunds.Refunds,
            refunds.Totals));
    }
}
