using Marten;
using OmniChannel.InventoryAllocation.Features.Reservations;
using OmniChannel.InventoryAllocation.Features.Stock;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.InventoryAllocation.Features.FulfillmentFlags;

/// <summary>INV-3: an order's fulfillment flags: a held order is skipped by allocation, a priority one goes first.</summary>
public sealed record FulfillmentFlagsRequest(bool Hold, bool Flag, bool Priority, string? Memo);

public sealed record OrderFulfillmentFlags(Guid Id, bool Hold, bool Flag, bool Priority, string? Memo, DateTimeOffset ChangedAt);

public sealed record WarehouseAvailability(string LocationId, int Available);

public sealed record FulfillmentLine(int LineId, string Sku, int Quantity, string LocationId, string Kind, IReadOnlyList<WarehouseAvailability> Availability);

public sealed record OrderFulfillmentView(Guid OrderId, string ConfirmationNumber, OrderFulfillmentFlags? Flags, IReadOnlyList<FulfillmentLine> Lines);

/// <summary>INV-3: set an order's flags and memo (an operator's), and see them with each line's availability per warehouse.</summary>
public static class OrderFulfillment
{
    public static IEndpointRouteBuilder MapOrderFulfillment(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/inventory/orders/{orderId:guid}/fulfillment").WithTags("Fulfillment");
        api.MapPut("/flags", SetAsync).RequireAuthorization(PlatformPolicies.Operator)
            .WithSummary("Sets an order's shipment hold, flag, priority allocation and memo.")
            .Produces<OrderFulfillmentFlags>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/", GetAsync).RequireAuthorization(PlatformPolicies.OrderReads)
            .WithSummary("An order's fulfillment flags and its lines' availability per warehouse.")
            .Produces<OrderFulfillmentView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static Refusal? Validate(FulfillmentFlagsRequest request) => request.Memo switch
    {
        { Length: > 500 } => new("fulfillment.memo_too_long", "A memo is at most 500 characters."),
        { } memo when memo.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t') =>
            new("fulfillment.memo_invalid", "A memo holds no control characters but line breaks and tabs."),
        _ => null,
    };

    private static async Task<IResult> SetAsync(IDocumentSession session, TimeProvider clock, Guid orderId, FulfillmentFlagsRequest request, CancellationToken ct)
    {
        if (Validate(request) is { } refusal)
            return refusal.ToProblem();
        if (await session.LoadAsync<Reservation>(orderId, ct) is null)
            return ProblemCodes.NotFound("order.not_found", $"Inventory holds nothing for order {orderId}.");
        var flags = new OrderFulfillmentFlags(orderId, request.Hold, request.Flag, request.Priority, request.Memo, clock.GetUtcNow());
        session.Store(flags); // the last setting wins: the flags are one operator's decision, not a sum
        await session.SaveChangesAsync(ct);
        return TypedResults.Ok(flags);
    }

    private static async Task<IResult> GetAsync(IQuerySession session, Guid orderId, CancellationToken ct)
    {
        if (await session.LoadAsync<Reservation>(orderId, ct) is not { } reservation)
            return ProblemCodes.NotFound("order.not_found", $"Inventory holds nothing for order {orderId}.");
        var skus = reservation.Lines.Select(l => l.Sku).Distinct().ToArray();
        var levels = await session.Query<StockLevel>().Where(l => l.Sku.IsOneOf(skus)).ToListAsync(ct);
        var lines = reservation.Lines.Select(l => new FulfillmentLine(l.LineId, l.Sku, l.Quantity, l.LocationId, l.Kind.ToString(),
            levels.Where(s => s.Sku == l.Sku).OrderBy(s => s.LocationId).Select(s => new WarehouseAvailability(s.LocationId, s.Available)).ToList())).ToList();
        return TypedResults.Ok(new OrderFulfillmentView(orderId, reservation.ConfirmationNumber, await session.LoadAsync<OrderFulfillmentFlags>(orderId, ct), lines));
    }
}
