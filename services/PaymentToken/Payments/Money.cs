namespace OmniChannel.PaymentToken.Payments;

/// <summary>Money is USD with 2 decimals, rounded midpoint away from zero.</summary>
public static class Money
{
    public const string Currency = "USD";

    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>More than zero and already in cents: amounts are never rounded silently.</summary>
    public static bool IsValidAmount(decimal amount) => amount > 0 && amount == Round(amount);
}
