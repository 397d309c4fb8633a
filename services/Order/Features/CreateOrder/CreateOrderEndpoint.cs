using Marten;
using MassTransit;
using OmniChannel.Order.Features.MasterData;
using OmniChannel.Order.Features.Rights;
using OmniChannel.ServiceDefaults;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Security;

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
            .RequireAuthorization(PlatformPolicies.OrderCreation)
            .RequiresIdempotencyKey()
            .WithTags("Orders")
            .WithSummary("Takes a customer order from a terminal; answers 202 with its confirmation number (ORD-1, ORD-9).")
            .Produces<OrderAccepted>(StatusCodes.Status202Accepted);
        return app;
    }

    private static async Task<IResult> Handle(HttpRequest http, CreateOrderRequest request, IDocumentSession session,
        ReferenceData references, OrderCreator creator, RealTimeOrderCreation realTime, InitiatorAccessor initiators, TimeProvider clock,
        CancellationToken ct)
    {
        var (key, problem) = IdempotentRequest.ReadKey(http);
        if (problem is not null)
            return problem;
        var (terminalId, otherTerminal) = OrderRights.TerminalOf(http.HttpContext.User, request.TerminalId);
        if (otherTerminal is not null)
            return otherTerminal.ToProblem();
        request = request with { TerminalId = terminalId };

        // No read of the key first: a repeated request fails the insert below and is answered from what it finds.
        var idempotent = new IdempotentRequest<TerminalTransaction>(key, IdempotentRequest.Fingerprint(request), t => t.RequestHash,
            Accepted, () => IdempotentRequest.Reused("a different order"));
        var data = await references.LoadAsync(request, ct);
        var (order, refusal) = OrderRules.Validate(request, data, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (refusal is not null)
        {
            // A repeated request is answered as the first time, even if what it names has changed since.
            return await idempotent.ReplayCommittedAsync(session, ct) ?? refusal.ToProblem();
        }
        // A valid order, then who may take it: a terminal for its own store, a storefront online; ORD-3's override is a manager's.
        if (OrderRights.MayCreate(http.HttpContext.User, order!.StoreId, request.Channel) is { } forbidden)
            return forbidden.ToProblem();
        if (request.Deposit?.Percent is not null
            && OrderRights.MayOverrideDeposit(await OrderRights.LoadAsync(session, http.HttpContext.User, ct)) is { } noOverride)
            return noOverride.ToProblem();

        var transaction = new TerminalTransaction(key, Orders.ConfirmationNumber.New(order!.StoreId), NewId.NextGuid(), idempotent.Fingerprint,
            order, TransactionStatus.Received, clock.GetUtcNow(), Trace: TraceContext.Current(), Initiator: initiators.Current);
        session.Insert(transaction); // first: the synchronous creation below stores it again under the same key
        var mode = data.Store!.OrderCreationMode;
        if (mode == OrderCreationMode.Synchronous)
            transaction = creator.Create(session, transaction, Orders.CreationPath.Synchronous);

        if (await idempotent.CommitAsync(session, ct) is { } replay)
            return replay;

        OrderMetrics.OrderAccepted(transaction.Order);
        if (mode == OrderCreationMode.AsyncRealTimeFirst)
            realTime.Enqueue(transaction);
        return Accepted(transaction);
    }

    private static IResult Accepted(TerminalTransaction transaction)
    {
        var location = $"/api/orders/{transaction.ConfirmationNumber}";
        var status = transaction.Status == TransactionStatus.Created ? "Created" : "Pending";
        return TypedResults.Accepted(location, new OrderAccepted(transaction.ConfirmationNumber, status, location));
    }
}
