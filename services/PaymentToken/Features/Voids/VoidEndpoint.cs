using Marten;
using OmniChannel.PaymentToken.Connectors;
using OmniChannel.PaymentToken.Features.Ledger;
using OmniChannel.PaymentToken.Payments;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.PaymentToken.Features.Voids;

public sealed record VoidAuthorizationsRequest(int? TenderLineId, string? Reason);

public sealed record VoidResult(Guid OrderId, LedgerTotals Totals, IReadOnlyList<TenderLineView> TenderLines);

/// <summary>Releases the order's open authorizations (or one tender line's) through their own connectors.</summary>
public static class VoidEndpoint
{
    public static IEndpointRouteBuilder MapVoids(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/payments/orders/{orderId:guid}/voids", async Task<IResult> (Guid orderId, VoidAuthorizationsRequest request, HttpRequest http,
                IDocumentSession session, IConnectors connectors, TimeProvider clock, CancellationToken ct) =>
            {
                var (key, problem) = IdempotentRequest.ReadKey(http);
                if (problem is not null)
                    return problem;
                var existing = await session.LoadAsync<OrderPayments>(orderId, ct);
                if (existing is null)
                    return PaymentHttp.PaymentsNotFound(orderId);
                if (request.TenderLineId is { } id && existing.Tenders.All(t => t.Id != id))
                    return ServiceDefaults.Http.ProblemCodes.NotFound("tender_line.not_found", $"The order has no tender line {id}.");
                var fingerprint = IdempotentRequest.Fingerprint(request);
                if (PaymentHttp.Replay(existing, key, fingerprint, Respond) is { } replay)
                    return replay;

                var voids = new VoidRequest(key, fingerprint, request.TenderLineId);
                var payments = await PaymentHttp.Engine(session, connectors, clock).RunAsync(orderId, null, (s, now) => VoidPlan.Next(s, voids, now), ct);
                return Respond(payments, payments.Completed(key)!);
            })
            .RequireAuthorization(PlatformPolicies.StoreWork)
            .WithTags("Payments")
            .WithSummary("Voids the order's open authorizations (or one tender line's). Idempotent per Idempotency-Key.");
        return app;
    }

    private static IResult Respond(OrderPayments payments, RequestCompleted _) =>
        TypedResults.Ok(new VoidResult(payments.Id, LedgerTotals.Of(payments), payments.Tenders.Select(PaymentViews.Of).ToList()));
}
