using Marten;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.Order.Features.CreateOrder;

public sealed record ForceCompletionAccepted(string ConfirmationNumber, string Status, DateTimeOffset ForceCompletedAt, string Location);

/// <summary>
/// ORD-11: POST /api/orders/{confirmationNumber}/force-completion. A channel transaction stuck in creation (it keeps
/// failing, or a synchronous creation timed out at the terminal) is completed: the terminal finishes the sale with its
/// confirmation number, the order is created asynchronously (the real-time path now, the order-sync job as the fallback),
/// and from then on it is cancelled the ORD-10 way, never voided. Repeating it answers the same.
/// </summary>
public static class ForceCompletionEndpoint
{
    public static IEndpointRouteBuilder MapForceCompletion(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/orders/{confirmationNumber}/force-completion", Handle)
            .RequireAuthorization(PlatformPolicies.StoreWork)
            .WithTags("Orders")
            .WithSummary("ORD-11: completes a transaction stuck in creation; its order is created asynchronously and can no longer be voided.")
            .Produces<ForceCompletionAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<IResult> Handle(string confirmationNumber, HttpRequest http, IDocumentSession session, RealTimeOrderCreation realTime,
        TimeProvider clock, CancellationToken ct)
    {
        var transaction = await session.Query<TerminalTransaction>().FirstOrDefaultAsync(t => t.ConfirmationNumber == confirmationNumber, ct);
        if (transaction is null)
            return ProblemCodes.NotFound("order.not_found", $"No channel transaction has confirmation number '{confirmationNumber}'.");
        if (http.HttpContext.User.MayActFor(transaction.Order.StoreId) is { } otherStore)
            return otherStore.ToProblem();
        if (transaction.Status == TransactionStatus.Created)
            return ProblemCodes.Conflict("order.created", $"Order {confirmationNumber} is created: there is nothing to force.");
        if (transaction.ForceCompletedAt is null)
        {
            transaction = transaction with { ForceCompletedAt = clock.GetUtcNow() };
            session.Store(transaction);
            await session.SaveChangesAsync(ct);
        }
        realTime.Enqueue(transaction);
        var location = $"/api/orders/{confirmationNumber}";
        return TypedResults.Accepted(location, new ForceCompletionAccepted(confirmationNumber, "Pending", transaction.ForceCompletedAt!.Value, location));
    }
}
