namespace OmniChannel.Order.Orders;

/// <summary>Why the order cannot do what was asked: a stable code; <see cref="Conflict"/> when it is the order's state, not the input (409, not 400).</summary>
public sealed record Refusal(string Code, string Detail, bool Conflict = false)
{
    /// <summary>The order is not (or no longer) open for fulfillment, invoicing or cancellation.</summary>
    public static Refusal? NotOpen(CustomerOrder order) => order.Status switch
    {
        OrderStatus.Confirmed or OrderStatus.PartiallyFulfilled => null,
        OrderStatus.Completed => new("order.completed", $"Order {order.Id} is completed.", true),
        OrderStatus.Fulfilled => new("order.fulfilled", $"Every line of order {order.Id} was picked up or shipped.", true),
        OrderStatus.Cancelling or OrderStatus.Cancelled => new("order.cancelled", $"Order {order.Id} is cancelled.", true),
        OrderStatus.Rejected => new("order.rejected", $"Order {order.Id} was rejected ({order.RejectionCode}).", true),
        _ => new("order.not_confirmed", $"Order {order.Id} is not confirmed yet ({order.Status}).", true),
    };
}
