using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.UnitTests.Http;

/// <summary>Amounts are exact in their currency's minor units and bounded (issue 12: money moves only through the order).</summary>
public class CurrencyCodeTests
{
    [Theory]
    [InlineData("USD", 2)]
    [InlineData("EUR", 2)]
    [InlineData("JPY", 0)]
    [InlineData("KRW", 0)]
    [InlineData("KWD", 3)]
    [InlineData("CLF", 4)]
    public void Minor_digits_follow_ISO_4217(string currency, int digits) => Assert.Equal(digits, CurrencyCode.MinorDigits(currency));

    [Theory]
    [InlineData("10.00", "USD", true)]
    [InlineData("0.01", "USD", true)]
    [InlineData("0.001", "USD", false)]
    [InlineData("1200", "JPY", true)]
    [InlineData("1200.5", "JPY", false)]
    [InlineData("0.5", "KRW", false)]
    [InlineData("1.234", "KWD", true)]
    [InlineData("0", "USD", false)]
    [InlineData("-1", "USD", false)]
    [InlineData("10000000000", "USD", true)]
    [InlineData("10000000000.01", "USD", false)]
    [InlineData("9223372036854775808", "USD", false)] // 2^63: the tender the issue saw authorized
    [InlineData("2147483648", "KRW", true)]          // 2^31 won is a real amount, and under the maximum
    public void An_amount_is_positive_exact_in_minor_units_and_at_most_the_maximum(string amount, string currency, bool valid) =>
        Assert.Equal(valid, CurrencyCode.IsValidAmount(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), currency));

    [Fact]
    public void Rounding_is_midpoint_away_from_zero_in_the_currencys_digits() =>
        Assert.Equal((0.13m, 13m, 1.235m), (CurrencyCode.Round(0.125m, "USD"), CurrencyCode.Round(12.5m, "JPY"), CurrencyCode.Round(1.2345m, "KWD")));
}
