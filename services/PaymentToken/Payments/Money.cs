namespace OmniChannel.PaymentToken.Payments;

/// <summary>
/// Amounts have 2 decimals, rounded midpoint away from zero. Their currency is the order's: the ledger takes it from
/// the request that opens it (<see cref="PaymentsOpened.Currency"/>) and every later amount is in it.
/// </summary>
public static class Money
{
    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>More than zero and already in cents: amounts are never rounded silently.</summary>
    public static bool IsValidAmount(decimal amount) => amount > 0 && amount == Round(amount);
}
