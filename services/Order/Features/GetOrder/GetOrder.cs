using Marten;
using OmniChannel.Order.Features.CreateOrder;
using OmniChannel.Order.Orders;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.Order.Features.GetOrder;

public sealed record OrderEventView(long Version, string Type, DateTimeOffset Timestamp, object Data);

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
    IReadOnlyList<OrderEventView> History);

/// <summary>
/// ORD-6 / ORD-9: recall an order by its confirmation number, even before the order exists (status Pending, from
/// the terminal's transaction).
/// </summary>
public static class GetOrder
{
    public static IEndpointRouteBuilder MapGetOrder(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/orders/{confirmationNumber}", Handle)
            .WithTags("Orders")
            .WithSummary("An order by confirmation number: status, lines, totals, deposit and the history of its events.");
        return app;
    }

    private static async Task<IResult> Handle(IQuerySession session, string confirmationNumber, CancellationToken ct)
    {
        if (await session.LoadAsync<CustomerOrder>(confirmationNumber, ct) is { } order)
        {
            var events = await session.Events.FetchStreamAsync(confirmationNumber, token: ct);
            return TypedResults.Ok(new OrderView(order.Id, order.OrderId, order.Status.ToString(), order.StoreId, order.CustomerId, order.Lines,
                order.Prices, order.Total, order.DepositDue, order.DepositPaid, order.Currency, order.RejectionCode,
                order.RejectionReason, events.Select(e => new OrderEventView(e.Version, e.EventTypeName, e.Timestamp, e.Data)).ToList()));
        }

        var pending = await session.Query<TerminalTransaction>().FirstOrDefaultAsync(t => t.ConfirmationNumber == confirmationNumber, ct);
        if (pending is null)
            return ProblemCodes.NotFound("order.not_found", $"No order has confirmation number '{confirmationNumber}'.");
        var o = pending.Order;
        return TypedResults.Ok(new OrderView(pending.ConfirmationNumber, pending.OrderId, OrderStatus.Pending.ToString(), o.StoreId, o.CustomerId, o.Lines,
            [], 0m, 0m, 0m, Money.Currency, null, null, []));
    }
}
