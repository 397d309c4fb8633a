using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.Order.Orders;

/// <summary>
/// Amounts in the store's currency (the order carries it from its store), with that currency's minor digits (USD 2,
/// JPY and KRW 0), midpoint away from zero, rounded per line; totals are sums of rounded lines.
/// </summary>
public static class Money
{
    public static decimal Round(decimal amount, string currency) => CurrencyCode.Round(amount, currency);
}
