using OmniChannel.Contracts.Inventory;
using OmniChannel.Contracts.Payment;
using OmniChannel.Contracts.Pickup;
using OmniChannel.Order.Features.CancelOrder;
using Inventory = OmniChannel.Contracts.Inventory;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.Order.Orders;

/// <summary>
/// ORD-8 / PAY-11: a confirmed order cancelled: its stock released, then its payments settled with the charge, then
/// cancelled; meanwhile nothing more is fulfilled. Pure: the saga loads the order, decides, appends and sends.
/// </summary>
public static class CancellationDecider
{
    /// <summary>
    /// The charge is the cancellation charge percent of the order total (the parameters' default, or as the cashier
    /// adjusted it); the deposit and prepayments minus the charge are refunded. Only an order nothing has left yet can
    /// be cancelled: goods carried out, picked up or shipped are the order's remaining lines to edit (ORD-7).
    /// </summary>
    public static (decimal Percent, decimal Charge, Refusal? Refusal) Charge(CustomerOrder order, decimal? percent, decimal defaultPercent)
    {
        var chosen = percent ?? defaultPercent;
        if (chosen < 0 || chosen > 100 || chosen != decimal.Round(chosen, 2))
            return (0, 0, new Refusal("cancellation.charge_percent_invalid", "chargePercent is between 0 and 100, with at most 2 decimals."));
        if (OrderRefusals.NotOpen(order) is { } notOpen)
            return (0, 0, notOpen);
        if (order.Fulfilled.Count > 0)
            return (0, 0, Refusal.Conflict("order.partially_fulfilled", $"Goods of order {order.Id} were already carried out, picked up or shipped: edit the order to cancel its remaining lines (ORD-7)."));
        return (chosen, Money.Round(order.Total * chosen / 100m, order.Currency), null);
    }

    /// <summary>Accepted, the pickup requests are cancelled and the stock released; refused, only the refusal is recorded.</summary>
    public static OrderOutcome Decide(CustomerOrder order, CancelCustomerOrder cancel, DateTimeOffset now)
    {
        var draft = new Draft(order);
        var (percent, charge, refusal) = Charge(order, cancel.ChargePercent, cancel.ChargePercent);
        if (refusal is not null)
            return draft.Record(new CancellationRefused(cancel.CancellationId, refusal.Code, refusal.Detail)).Go(OrderNext.Unchanged);

        draft = draft.Record(new CancellationRequested(cancel.CancellationId, percent, charge, now));
        if (order.Lines.Any(l => l.Fulfillment.Kind == FulfillmentKind.Pickup))
            draft = draft.Send(new CancelPickup { OrderId = order.OrderId, Reason = "order.cancelled" });
        return draft.Send(new ReleaseStock { OrderId = order.OrderId, Reason = "order.cancelled" }).Go(OrderNext.ReleasingForCancellation);
    }

    /// <summary>The stock is back: the payments are settled with the charge the cancellation recorded.</summary>
    public static OrderOutcome Decide(CustomerOrder order, Inventory.StockReleased released)
    {
        var cancellation = order.Cancellation ?? throw new InvalidOperationException($"Order {order.Id} has no cancellation to settle.");
        return new Draft(order)
            .Record(new StockReleased(order.OrderId.ToString()))
            .Send(new SettleCancelledOrderPayments
            {
                OrderId = order.OrderId, CancellationId = cancellation.CancellationId, CancellationCharge = cancellation.Charge,
                Currency = order.Currency,
            })
            .Go(OrderNext.SettlingCancellation);
    }

    public static OrderOutcome Decide(CustomerOrder order, OrderPaymentsSettled settled, DateTimeOffset now) =>
        new Draft(order)
            .Record(new CancellationSettled(settled.CancellationId, settled.Refunded, settled.Retained))
            .Record(new OrderCancelled(now))
            .Go(OrderNext.Cancelled);

    /// <summary>Goods arriving while the order is being cancelled are recorded as refused, nothing else.</summary>
    public static OrderOutcome WhileCancelling(CustomerOrder order, GoodsLeaving goods) =>
        new Draft(order)
            .Record(new FulfillmentRefused(goods.FulfillmentId, "order.cancelled", "The order is being cancelled: nothing more is fulfilled."))
            .Go(OrderNext.Unchanged);

    /// <summary>A second cancellation while the first is carried out is recorded as refused, nothing else.</summary>
    public static OrderOutcome WhileCancelling(CustomerOrder order, CancelCustomerOrder again) =>
        new Draft(order)
            .Record(new CancellationRefused(again.CancellationId, "order.cancelled", "The order is already being cancelled."))
            .Go(OrderNext.Unchanged);
}
