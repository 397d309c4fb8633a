namespace OmniChannel.Order.Orders;

/// <summary>ORD-8 / PAY-11: whether an order can be cancelled, and the charge it keeps. Pure.</summary>
public static class OrderCancellation
{
    /// <summary>
    /// The charge is the cancellation charge percent of the order total (the parameters' default, or as the cashier
    /// adjusted it); the deposit and prepayments minus the charge are refunded. Only an order nothing has left yet can
    /// be cancelled: goods carried out, picked up or shipped are the order's remaining lines to edit (ORD-7).
    /// </summary>
    public static (decimal Percent, decimal Charge, Refusal? Refusal) Decide(CustomerOrder order, decimal? percent, decimal defaultPercent)
    {
        var chosen = percent ?? defaultPercent;
        if (chosen < 0 || chosen > 100 || chosen != decimal.Round(chosen, 2))
            return (0, 0, new Refusal("cancellation.charge_percent_invalid", "chargePercent is between 0 and 100, with at most 2 decimals."));
        if (Refusal.NotOpen(order) is { } notOpen)
            return (0, 0, notOpen);
        if (order.Fulfilled.Count > 0)
            return (0, 0, new Refusal("order.partially_fulfilled",
                $"Goods of order {order.Id} were already carried out, picked up or shipped: edit the order to cancel its remaining lines (ORD-7).", true));
        return (chosen, Money.Round(order.Total * chosen / 100m), null);
    }
}
