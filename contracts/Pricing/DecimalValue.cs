namespace OmniChannel.Contracts.Pricing;

/// <summary>
/// Conversions between <see cref="decimal"/> and the wire's <c>DecimalValue</c> (units + nanos / 10^9).
/// A decimal with more than 9 fractional digits is rounded (midpoint away from zero) to 9; money never has that many.
/// </summary>
public sealed partial class DecimalValue
{
    private const decimal NanoFactor = 1_000_000_000m;

    public static DecimalValue FromDecimal(decimal value)
    {
        value = Math.Round(value, 9, MidpointRounding.AwayFromZero);
        var units = decimal.ToInt64(decimal.Truncate(value));
        var nanos = decimal.ToInt32((value - units) * NanoFactor);
        return new DecimalValue { Units = units, Nanos = nanos };
    }

    public decimal ToDecimal() => Units + Nanos / NanoFactor;

    public static implicit operator decimal(DecimalValue value) => value.ToDecimal();

    public static implicit operator DecimalValue(decimal value) => FromDecimal(value);
}
