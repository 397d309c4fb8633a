using Marten;
using MassTransit;
using OmniChannel.Order.Features.MasterData;
using OmniChannel.Order.Features.OrderCreation;
using OmniChannel.ServiceDefaults;
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
        ReferenceData references, OrderCreator creator, RealTimeOrderCreation realTime, TimeProvider clock, CancellationToken ct)
    {
        var (key, problem) = Idempotency.ReadKey(http);
        if (problem is not null)
            return problem;

        // No read of the key first: a repeated request fails the insert below and is answered from what it finds.
        var hash = Idempotency.Fingerprint(request);
        var data = await references.LoadAsync(request, ct);
        var (order, refusal) = OrderRules.Validate(request, data, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (refusal is not null)
        {
            // A repeated request is answered as the first time, even if what it names has changed since.
            return await DuplicateKey.CommittedAsync<TerminalTransaction>(session, key, ct) is { } earlier
                ? Replay(earlier, hash)
                : ProblemCodes.BadRequest(refusal.Code, refusal.Detail);
        }

        var transaction = new TerminalTransaction(key, Orders.ConfirmationNumber.New(order!.StoreId), NewId.NextGuid(), hash, order,
            TransactionStatus.Received, clock.GetUtcNow(), Trace: TraceContext.Current());
        session.Insert(transaction);
        var mode = data.Store!.OrderCreationMode;
        if (mode == OrderCreationMode.Synchronous)
            transaction = creator.Create(session, transaction, Orders.CreationPath.Synchronous);

        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception exception) when (DuplicateKey.Is(exception))
        {
            // The key was used before (a repeated request, or the same one twice at once): answer as a replay of the first.
            return Replay((await DuplicateKey.CommittedAsync<TerminalTransaction>(session, key, ct))!, hash);
        }

        OrderMetrics.OrderAccepted(transaction.Order);
        if (mode == OrderCreationMode.AsyncRealTimeFirst)
            realTime.Enqueue(transaction);
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
