using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marten;
using OmniChannel.Order.Features.Rights;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using OmniChannel.Order.Features.Allocation;
using OmniChannel.Order.Features.CreateOrder;
using OmniChannel.Order.Orders;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Persistence;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.Order.Features.GetOrder;

/// <summary>
/// An event of the order's stream as recorded, its card tokens masked (PAY-12), and <see cref="By"/> who started the work
/// that appended it: the cashier whose request created the order is also who its saga confirmed it for.
/// </summary>
public sealed record OrderEventView(long Version, string Type, DateTimeOffset Timestamp, JsonNode? Data, Initiator? By = null);

/// <summary>A line with what of it was carried out, picked up or shipped so far, and what of it was cancelled (ORD-7).</summary>
public sealed record OrderLineView(int LineId, string Sku, int Quantity, Fulfillment Fulfillment, int FulfilledQuantity, int CancelledQuantity = 0);

/// <summary>
/// Goods that left and their payment: <c>paymentStatus</c> is PaidAhead (the deposit covered them), Captured, Capturing,
/// or NewPaymentRequired (PAY-9: the terminal takes a new payment for <c>balanceDue</c>).
/// </summary>
public sealed record FulfillmentView(string FulfillmentId, FulfillmentSource Source, string LocationId, IReadOnlyList<FulfilledLine> Lines,
    decimal Value, decimal PaidAhead, decimal Due, decimal Captured, decimal BalanceDue, string PaymentStatus, string? PaymentFailureCode,
    DateTimeOffset At);

/// <summary>
/// PAY-3/4/5/7: the payment taken at order time, as far as the order knows it; what its pickups and invoices captured
/// since, and what they still owe (PAY-9). The ledger itself is the Payment-Token service's.
/// </summary>
public sealed record OrderPaymentView(decimal DepositPaid, decimal AuthorizedBalance, DateTimeOffset? AuthorizationExpiresAt, bool SecondCardRequired,
    decimal CapturedAtFulfillment, decimal BalanceDue);

public sealed record OrderView(
    string ConfirmationNumber,
    Guid OrderId,
    string Status,
    string StoreId,
    string CustomerId,
    IReadOnlyList<OrderLine> Lines,
    IReadOnlyList<LinePrice> Prices,
    decimal Total,
    decimal DepositDue,
    decimal DepositPaid,
    string Currency,
    string? RejectionCode,
    string? RejectionReason,
    IReadOnlyList<OrderEventView> History,
    string Channel = nameof(OrderChannel.Store),
    OrderPaymentView? Payment = null,
    IReadOnlyList<OrderLineView>? LineFulfillment = null,
    IReadOnlyList<FulfillmentView>? Fulfillments = null,
    CancellationRecord? Cancellation = null,
    IReadOnlyList<AllocatedLineRecord>? Allocated = null);

/// <summary>
/// ORD-6 / ORD-9: recall an order by its confirmation number, even before the order exists (status Pending, from
/// the terminal's transaction).
/// </summary>
public static class GetOrder
{
    public static IEndpointRouteBuilder MapGetOrder(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/orders/{confirmationNumber}", Handle)
            .RequireAuthorization(PlatformPolicies.OrderReads)
            .WithTags("Orders")
            .WithSummary("An order by confirmation number: status, lines, totals, deposit and the history of its events.")
            .Produces<OrderView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> Handle(IQuerySession session, string confirmationNumber, IOptions<JsonOptions> json, ClaimsPrincipal caller,
        CancellationToken ct)
    {
        if (await session.LoadAsync<CustomerOrder>(confirmationNumber, ct) is { } order)
        {
            if (OrderRights.MayWorkOn(caller, order.StoreId, order.Lines) is { } otherStore)
                return otherStore.ToProblem();
            var events = await session.Events.FetchStreamAsync(confirmationNumber, token: ct);
            return TypedResults.Ok(new OrderView(order.Id, order.OrderId, order.Status.ToString(), order.StoreId, order.CustomerId, order.Lines,
                order.Prices, order.Total, order.DepositDue, order.DepositPaid, order.Currency, order.RejectionCode,
                order.RejectionReason, events.Select(e => new OrderEventView(e.Version, e.EventTypeName, e.Timestamp,
                    CardTokens.MaskIn(JsonSerializer.SerializeToNode(e.Data, e.EventType, json.Value.SerializerOptions)), e.Initiator())).ToList(),
                order.Channel.ToString(),
                new OrderPaymentView(order.DepositPaid, order.AuthorizedBalance, order.AuthorizationExpiresAt, order.SecondCardRequired,
                    order.Fulfilled.Sum(f => f.Captured), order.BalanceDue),
                order.Lines.Select(l => new OrderLineView(l.LineId, l.Sku, l.Quantity, l.Fulfillment, order.FulfilledQuantity(l.LineId),
                    order.CancelledQuantity(l.LineId))).ToList(),
                order.Fulfilled.Select(View).ToList(),
                order.Cancellation,
                (await session.LoadAsync<OrderAllocation>(confirmationNumber, ct))?.Lines ?? []));
        }

        var pending = await session.Query<TerminalTransaction>().FirstOrDefaultAsync(t => t.ConfirmationNumber == confirmationNumber, ct);
        if (pending is null)
            return ProblemCodes.NotFound("order.not_found", $"No order has confirmation number '{confirmationNumber}'.");
        var o = pending.Order;
        if (OrderRights.MayWorkOn(caller, o.StoreId, o.Lines) is { } notOurs)
            return notOurs.ToProblem();
        return TypedResults.Ok(new OrderView(pending.ConfirmationNumber, pending.OrderId, OrderStatus.Pending.ToString(), o.StoreId, o.CustomerId, o.Lines,
            [], 0m, 0m, 0m, o.Currency, null, null, [], o.Channel.ToString()));
    }

    private static FulfillmentView View(FulfillmentRecord f) => new(f.Id, f.Source, f.LocationId, f.Lines, f.Value, f.PaidAhead, f.Due, f.Captured,
        f.BalanceDue, f switch
        {
            { Due: 0 } => "PaidAhead",
            { AwaitingPayment: true } => "Capturing",
            { BalanceDue: 0 } => "Captured",
            _ => "NewPaymentRequired",
        }, f.Attempts.LastOrDefault()?.FailureCode, f.At);
}
