using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.Pricing.Engine;

/// <summary>
/// The rounding rule of a currency: amounts are rounded to its precision (USD: 2 decimals, JPY: 0), midpoint away
/// from zero. The engine computes exactly in <see cref="decimal"/> and rounds once per discount per line; a line's
/// amounts and every total are then sums of rounded amounts, so totals always equal the sum of the lines.
/// </summary>
public readonly record struct CurrencyRule(string Code, int Decimals)
{
    public static CurrencyRule For(string code) => new(code, CurrencyCode.MinorDigits(code.ToUpperInvariant()));

    /// <summary>The smallest amount: 0.01 for USD.</summary>
    public decimal Unit => Decimals switch { 0 => 1m, 2 => 0.01m, 3 => 0.001m, _ => 1m / Pow10(Decimals) };

    /// <summary>Rounded, and written with exactly the currency's decimals (24.5 becomes 24.50).</summary>
    public decimal Round(decimal amount) => Math.Round(amount, Decimals, MidpointRounding.AwayFromZero) + new decimal(0, 0, 0, false, (byte)Decimals);

    /// <summary>True when the amount has no more decimals than the currency has.</summary>
    public bool IsWhole(decimal amount) => Round(amount) == amount;

    /// <summary>
    /// Splits a rounded <paramref name="total"/> over <paramref name="weights"/> in proportion, in whole currency units
    /// (largest remainder, ties to the first): the shares add up to the total exactly.
    /// </summary>
    public decimal[] Allocate(decimal total, IReadOnlyList<decimal> weights)
    {
        var shares = new decimal[weights.Count];
        if (shares.Length == 0)
            return shares;
        var weightSum = 0m;
        foreach (var weight in weights)
            weightSum += weight;
        var units = total / Unit;
        Span<decimal> remainders = shares.Length <= 64 ? stackalloc decimal[shares.Length] : new decimal[shares.Length];
        var allocated = 0m;
        var perWeight = weightSum == 0 ? 0 : units / weightSum;
        for (var i = 0; i < shares.Length; i++)
        {
            var exact = weightSum == 0 ? units / shares.Length : weights[i] * perWeight;
            shares[i] = decimal.Floor(exact);
            remainders[i] = exact - shares[i];
            allocated += shares[i];
        }
        for (var left = units - allocated; left > 0; left--)
        {
            var best = 0;
            for (var i = 1; i < remainders.Length; i++)
                if (remainders[i] > remainders[best])
                    best = i;
            shares[best] += 1;
            remainders[best] = -1;
        }
        for (var i = 0; i < shares.Length; i++)
            shares[i] *= Unit;
        return shares;
    }

    private static decimal Pow10(int n)
    {
        var result = 1m;
        for (var i = 0; i < n; i++)
            result *= 10;
        return result;
    }
}
