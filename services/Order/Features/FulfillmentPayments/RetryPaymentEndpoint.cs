using Marten;
using OmniChannel.Order.Orders;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Persistence;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.Order.Features.FulfillmentPayments;

/// <param name="TenderLineId">The tender the terminal took for the balance (POST /api/payments/orders/{orderId}/tenders), captured first.</param>
public sealed record RetryPaymentRequest(int? TenderLineId);

public sealed record PaymentRetryAccepted(string ConfirmationNumber, string FulfillmentId, decimal BalanceDue, string Location);

/// <summary>
/// POST /api/orders/{confirmationNumber}/fulfillments/{fulfillmentId}/payment (PAY-9, PAY-8): the capture of a pickup or
/// invoice failed and the terminal took a new payment (a card tender authorized for the balance due): capture the
/// balance again, that tender first. A repeated request while a capture is out, or once paid, changes nothing.
/// </summary>
public static class RetryPaymentEndpoint
{
    public static IEndpointRouteBuilder MapRetryPayment(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/orders/{confirmationNumber}/fulfillments/{fulfillmentId}/payment", Handle)
            .RequireAuthorization(PlatformPolicies.StoreWork)
            .WithTags("Orders")
            .WithSummary("Captures a fulfillment's balance due again, from the new payment the terminal took (PAY-9).")
            .Produces<PaymentRetryAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<IResult> Handle(string confirmationNumber, string fulfillmentId, RetryPaymentRequest request, IDocumentSession session,
        System.Security.Claims.ClaimsPrincipal caller, CancellationToken ct)
    {
        if (request.TenderLineId is <= 0)
            return ProblemCodes.BadRequest("payment.tender_line_invalid", "tenderLineId is a tender line of the order's payments.");
        if (await session.LoadAsync<CustomerOrder>(confirmationNumber, ct) is not { } order)
            return ProblemCodes.NotFound("order.not_found", $"No order has confirmation number '{confirmationNumber}'.");
        if (order.Fulfilled.FirstOrDefault(f => f.Id == fulfillmentId) is not { } fulfillment)
            return ProblemCodes.NotFound("fulfillment.not_found", $"Order {confirmationNumber} has no fulfillment '{fulfillmentId}'.");
        // The order's store, or the counter the goods left from, asks for the new payment to be captured.
        if (caller.MayActFor(order.StoreId) is { } otherStore && caller.MayActFor(fulfillment.LocationId) is not null)
            return otherStore.ToProblem();
        if (fulfillment.AwaitingPayment)
            return ProblemCodes.Conflict("payment.capture_pending", "A capture for this fulfillment is still being made.");
        if (fulfillment.BalanceDue <= 0)
            return ProblemCodes.Conflict("payment.nothing_due", "This fulfillment is paid.");

        session.PublishOnCommit(new RetryFulfillmentPayment
        {
            OrderId = order.OrderId, FulfillmentId = fulfillment.Id, PreferredTenderLineId = request.TenderLineId,
        });
        await session.SaveChangesAsync(ct);
        var location = $"/api/orders/{confirmationNumber}";
        return TypedResults.Accepted(location, new PaymentRetryAccepted(confirmationNumber, fulfillment.Id, fulfillment.BalanceDue, location));
    }
}
