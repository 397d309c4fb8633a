using Marten;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.PaymentToken.Features.Deposits;

public static class GetDeposits
{
    public static IEndpointRouteBuilder MapDeposits(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/payments/orders/{orderId:guid}/deposit", async Task<IResult> (IQuerySession session, Guid orderId, CancellationToken ct) =>
                await session.LoadAsync<DepositPayment>(orderId, ct) is { } payment
                    ? TypedResults.Ok(payment with { CardToken = Mask(payment.CardToken) })
                    : ProblemCodes.NotFound("deposit.not_found", $"No deposit for order {orderId}."))
            .WithTags("Deposits")
            .WithSummary("The deposit of an order: amount, status, authorization and capture tokens.");
        return app;
    }

    /// <summary>Card tokens are merchant secrets too: show only their last four characters.</summary>
    private static string Mask(string token) => token.Length <= 4 ? "****" : $"****{token[^4..]}";
}
