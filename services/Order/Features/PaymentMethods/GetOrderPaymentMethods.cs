using System.Security.Claims;
using Marten;
using OmniChannel.Order.Features.Reconciliation;
using OmniChannel.Order.Features.Rights;
using OmniChannel.Order.Orders;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.Order.Features.PaymentMethods;

/// <summary>
/// GET /api/orders/{confirmationNumber}/payment-methods: "a payment method is available" (PAY-3, PAY-4, PAY-8), what the
/// terminal offers when it recalls an order for pickup, in the order the saga captures them (PAY-10), card tokens masked.
/// The Payment service keeps the tenders but not who may see them: the order knows its store and its pickup stores, so a
/// terminal asks here and sees only its own store's work; the answer is the Payment service's, relayed.
/// </summary>
public static class GetOrderPaymentMethods
{
    public static IEndpointRouteBuilder MapOrderPaymentMethods(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/orders/{confirmationNumber}/payment-methods", async Task<IResult> (string confirmationNumber, ClaimsPrincipal caller,
                IQuerySession session, PaymentRecords payments, CancellationToken ct) =>
            {
                if (await session.LoadAsync<CustomerOrder>(confirmationNumber, ct) is not { } order)
                    return ProblemCodes.NotFound("order.not_found", $"No order has confirmation number '{confirmationNumber}'.");
                if (OrderRights.MayWorkOn(caller, order.StoreId, order.Lines) is { } otherStore)
                    return otherStore.ToProblem();
                return await payments.PaymentMethodsAsync(order.OrderId, ct) is { } methods
                    ? TypedResults.Ok(methods)
                    : ProblemCodes.NotFound("payments.not_found", $"Order {confirmationNumber} has no payments.");
            })
            .RequireAuthorization(PlatformPolicies.StoreWork)
            .WithTags("Orders")
            .WithSummary("The order's card tenders that can still be captured, oldest first, with what each makes available (PAY-3, PAY-8, PAY-10).")
            .Produces<System.Text.Json.JsonElement>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
