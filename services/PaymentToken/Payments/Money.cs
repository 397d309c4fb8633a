using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.PaymentToken.Payments;

/// <summary>
/// Amounts are in the order's currency, with its minor digits (USD 2, JPY 0), rounded midpoint away from zero. The ledger
/// takes the currency from the request that opens it (<see cref="PaymentsOpened.Currency"/>) and every later amount is in it.
/// </summary>
public static class Money
{
    public static decimal Round(decimal amount, string currency) => CurrencyCode.Round(amount, currency);

    /// <summary>More than zero, at most the platform's maximum, and already in the currency's minor units: amounts are never rounded silently.</summary>
    public static bool IsValidAmount(decimal amount, string currency) => CurrencyCode.IsValidAmount(amount, currency);
}
