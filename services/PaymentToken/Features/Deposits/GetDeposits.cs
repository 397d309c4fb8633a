using Marten;
using OmniChannel.PaymentToken.Payments;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.PaymentToken.Features.Deposits;

public static class GetDeposits
{
    public static IEndpointRouteBuilder MapDeposits(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/payments/orders/{orderId:guid}/deposit", async Task<IResult> (IQuerySession session, Guid orderId, CancellationToken ct) =>
                await session.LoadAsync<OrderPayments>(orderId, ct) is { } payments && DepositView.Of(payments) is { } deposit
                    ? TypedResults.Ok(deposit with { CardToken = PaymentHttp.Mask(deposit.CardToken) })
                    : ProblemCodes.NotFound("deposit.not_found", $"No deposit for order {orderId}."))
            .RequireAuthorization(PlatformPolicies.Audit)
            .WithTags("Deposits")
            .WithSummary("The deposit of an order: amount, status, authorization and capture tokens, what the swipe left authorized.")
            .Produces<DepositView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
