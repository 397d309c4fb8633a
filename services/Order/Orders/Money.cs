namespace OmniChannel.Order.Orders;

/// <summary>USD amounts: 2 decimals, midpoint away from zero, rounded per line; totals are sums of rounded lines.</summary>
public static class Money
{
    public const string Currency = "USD";

    public static decimal Round(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);
}
