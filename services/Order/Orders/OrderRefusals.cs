using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.Order.Orders;

/// <summary>The refusals an order's state gives, whatever was asked of it.</summary>
public static class OrderRefusals
{
    /// <summary>The order is not (or no longer) open for fulfillment, invoicing or cancellation.</summary>
    public static Refusal? NotOpen(CustomerOrder order) => order.Status switch
    {
        OrderStatus.Confirmed or OrderStatus.PartiallyFulfilled => null,
        OrderStatus.Completed => Refusal.Conflict("order.completed", $"Order {order.Id} is completed."),
        OrderStatus.Fulfilled => Refusal.Conflict("order.fulfilled", $"Every line of order {order.Id} was picked up or shipped."),
        OrderStatus.Cancelling or OrderStatus.Cancelled => Refusal.Conflict("order.cancelled", $"Order {order.Id} is cancelled."),
        OrderStatus.Rejected => Refusal.Conflict("order.rejected", $"Order {order.Id} was rejected ({order.RejectionCode})."),
        _ => Refusal.Conflict("order.not_confirmed", $"Order {order.Id} is not confirmed yet ({order.Status})."),
    };
}
