using Marten;
using OmniChannel.PaymentToken.Payments;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.PaymentToken.Features.Ledger;

/// <summary>The order's payment ledger: authorized, captured, voided, expired and refunded amounts that always reconcile.</summary>
public static class GetLedger
{
    public static IEndpointRouteBuilder MapLedger(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/payments/orders/{orderId:guid}", async Task<IResult> (IQuerySession session, Guid orderId, CancellationToken ct) =>
            {
                if (await session.LoadAsync<OrderPayments>(orderId, ct) is not { } payments)
                    return PaymentHttp.PaymentsNotFound(orderId);
                var events = await session.Events.FetchStreamAsync(orderId, token: ct);
                var history = events.Select(e => new EventView(e.Version, e.EventTypeName, e.Timestamp, WithMaskedCardTokens(e.Data))).ToList();
                return TypedResults.Ok(PaymentViews.Of(payments, history));
            })
            .RequireAuthorization(PlatformPolicies.Audit)
            .WithTags("Payments")
            .WithSummary("The order's payment ledger: totals, tender lines with their authorizations and captures, refunds, history.")
            .Produces<LedgerView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static object WithMaskedCardTokens(object e) => e switch
    {
        TenderAuthorized x => x with { Tender = Masked(x.Tender) },
        TenderDeclined x => x with { Tender = Masked(x.Tender) },
        ProcessorCallStarted { Call.Kind: CallKind.Authorize or CallKind.Reauthorize } x => x with
        {
            Call = x.Call with { Token = PaymentHttp.Mask(x.Call.Token), NewTender = x.Call.NewTender is { } t ? Masked(t) : null },
        },
        _ => e,
    };

    private static CardTender Masked(CardTender tender) => tender with { CardToken = PaymentHttp.Mask(tender.CardToken) };
}
