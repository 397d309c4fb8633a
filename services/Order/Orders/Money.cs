namespace OmniChannel.Order.Orders;

/// <summary>
/// Amounts in the store's currency (the order carries it from its store): 2 decimals, midpoint away from zero, rounded
/// per line; totals are sums of rounded lines.
/// </summary>
public static class Money
{
    public static decimal Round(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);
}
