using Marten;
using MassTransit;
using OmniChannel.Order.Features.MasterData;
using OmniChannel.Order.Features.OrderCreation;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Persistence;

namespace OmniChannel.Order.Features.CreateOrder;

public sealed record OrderAccepted(string ConfirmationNumber, string Status, string Location);

/// <summary>
/// POST /api/orders: validates, stores the terminal's transaction durably and answers 202 with the confirmation
/// number at once. The order itself is created by the store's creation mode (ORD-9): in this request
/// (synchronous), right after it (real-time first), or by the order-sync job (batch).
/// </summary>
public static class CreateOrderEndpoint
{
    public static IEndpointRouteBuilder MapCreateOrder(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/orders", Handle)
            .WithTags("Orders")
            .WithSummary("Takes a customer order from a terminal; answers 202 with its confirmation number (ORD-1, ORD-9).");
        return app;
    }

    private static async Task<IResult> Handle(HttpRequest http, CreateOrderRequest request, IDocumentSession session,
        OrderCreator creator, RealTimeOrderCreation realTime, TimeProvider clock, CancellationToken ct)
    {
        var (key, problem) = Idempotency.ReadKey(http);
        if (problem is not null)
            return problem;

        var hash = Idempotency.Fingerprint(request);
        var data = await ReferenceData.LoadAsync(session, request, key, ct);
        if (data.Existing is { } existing)
            return Replay(existing, hash);

        var (order, refusal) = OrderRules.Validate(request, data.Order, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (refusal is not null)
            return ProblemCodes.BadRequest(refusal.Code, refusal.Detail);

        var transaction = new TerminalTransaction(key, Orders.ConfirmationNumber.New(order!.StoreId), NewId.NextGuid(), hash, order,
            TransactionStatus.Received, clock.GetUtcNow());
        session.Insert(transaction);
        var mode = data.Order.Store!.OrderCreationMode;
        if (mode == OrderCreationMode.Synchronous)
            transaction = creator.Create(session, transaction, Orders.CreationPath.Synchronous);

        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception exception) when (DuplicateKey.Is(exception))
        {
            // The same key arrived twice at once: the first one won; answer as a replay of it.
            await using var query = session.DocumentStore.QuerySession();
            return Replay((await query.LoadAsync<TerminalTransaction>(key, ct))!, hash);
        }

        if (mode == OrderCreationMode.AsyncRealTimeFirst)
            realTime.Enqueue(transaction.Id);
        return Accepted(transaction);
    }

    private static IResult Replay(TerminalTransaction existing, string hash) => existing.RequestHash == hash
        ? Accepted(existing)
        : ProblemCodes.Conflict("idempotency_key.reused", "This Idempotency-Key was used for a different order.");

    private static IResult Accepted(TerminalTransaction transaction)
    {
        var location = $"/api/orders/{transaction.ConfirmationNumber}";
        var status = transaction.Status == TransactionStatus.Created ? "Created" : "Pending";
        return TypedResults.Accepted(location, new OrderAccepted(transaction.ConfirmationNumber, status, location));
    }
}
