using Marten;
using OmniChannel.PaymentToken.Payments;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.PaymentToken.Features.PaymentMethods;

public enum MethodStatus
{
    /// <summary>The authorization is valid: captured as it is.</summary>
    Authorized,

    /// <summary>Expired or refused: re-authorized with the card token at capture (PAY-9).</summary>
    ReauthorizationRequired,
}

public sealed record PaymentMethodView(int TenderLineId, Channel Channel, string TenderTypeId, string CardTypeId, string ConnectorId, string CardToken,
    bool Prepayment, MethodStatus Status, string? AuthorizationToken, DateTimeOffset? ExpiresAt, decimal AvailableAmount);

public sealed record PaymentMethodsView(Guid OrderId, string? ConfirmationNumber, decimal AvailableAmount, IReadOnlyList<PaymentMethodView> Methods);

/// <summary>
/// "A payment method is available" (PAY-3, PAY-4, PAY-8): what the terminal offers when an order is recalled for
/// pickup, in the order "use available payment method" captures them (PAY-10).
/// </summary>
public static class GetPaymentMethods
{
    public static IEndpointRouteBuilder MapPaymentMethods(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/payments/orders/{orderId:guid}/payment-methods", async Task<IResult> (IQuerySession session, TimeProvider clock,
                Guid orderId, CancellationToken ct) =>
                await session.LoadAsync<OrderPayments>(orderId, ct) is { } payments
                    ? TypedResults.Ok(Of(payments, clock.GetUtcNow()))
                    : PaymentHttp.PaymentsNotFound(orderId))
            .RequireAuthorization(PlatformPolicies.Audit)
            .WithTags("Payments")
            .WithSummary("The order's card tenders that can still be captured, oldest first, with what each makes available "
                         + "(operators, services; a terminal asks the Order service, which knows the order's stores).")
            .Produces<PaymentMethodsView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static PaymentMethodsView Of(OrderPayments payments, DateTimeOffset now)
    {
        var methods = payments.Tenders.Where(t => t.UnusableCode is null).OrderBy(t => t.Id).Select(line =>
        {
            var auth = line.Current is { Open: > 0 } current ? current : null;
            var valid = auth is not null && auth.IsValidAt(now);
            var reauthorizable = line.RecurringToken ? line.PendingReauthorization + (valid ? 0m : auth?.Open ?? 0m) : 0m;
            var available = (valid ? auth!.Open : 0m) + reauthorizable;
            return available <= 0 ? null : new PaymentMethodView(line.Id, line.Tender.Channel, line.Tender.TenderTypeId, line.Tender.CardTypeId,
                line.Tender.ConnectorId, PaymentHttp.Mask(line.Tender.CardToken), line.Tender.Prepayment,
                valid ? MethodStatus.Authorized : MethodStatus.ReauthorizationRequired, auth?.Token, auth?.ExpiresAt, available);
        }).OfType<PaymentMethodView>().ToList();
        return new PaymentMethodsView(payments.Id, payments.ConfirmationNumber, methods.Sum(m => m.AvailableAmount), methods);
    }
}
