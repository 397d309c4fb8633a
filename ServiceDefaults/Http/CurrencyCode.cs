using System.Diagnostics.CodeAnalysis;

namespace OmniChannel.ServiceDefaults.Http;

/// <summary>
/// An ISO 4217 alphabetic code (USD, EUR, JPY): the currency an amount is in travels with it. Checked by form only:
/// which currencies a store or a merchant account takes is the owner's data, not a list in code.
/// </summary>
public static class CurrencyCode
{
    /// <summary>
    /// The largest amount any one price, order or payment may name, in the currency's major units. Far beyond any
    /// retail order in any currency (10 billion won is about 7 million dollars), and far below where decimal
    /// arithmetic or a processor's amount field would overflow.
    /// </summary>
    public const decimal MaximumAmount = 10_000_000_000m;

    public static bool IsValid([NotNullWhen(true)] string? code) => code is { Length: 3 } && code.All(char.IsAsciiLetterUpper);

    /// <summary>
    /// The currency's minor unit digits from ISO 4217 (USD 2, JPY and KRW 0, KWD 3). A table in code because no
    /// currency-data package is served to this build, and .NET's own currency digits belong to cultures (ko-KR), not to
    /// currencies, and are absent under invariant globalization. Unlisted codes have 2, the standard's usual case.
    /// </summary>
    public static int MinorDigits(string code) => code switch
    {
        "BIF" or "CLP" or "DJF" or "GNF" or "ISK" or "JPY" or "KMF" or "KRW" or "PYG" or "RWF" or "UGX" or "UYI" or "VND" or "VUV"
            or "XAF" or "XOF" or "XPF" => 0,
        "BHD" or "IQD" or "JOD" or "KWD" or "LYD" or "OMR" or "TND" => 3,
        "CLF" or "UYW" => 4,
        _ => 2,
    };

    /// <summary>Rounded to the currency's minor digits, midpoint away from zero (the platform's one rounding rule).</summary>
    public static decimal Round(decimal amount, string currency) => Math.Round(amount, MinorDigits(currency), MidpointRounding.AwayFromZero);

    /// <summary>An amount a request may name: more than zero, no more digits than the currency has, at most <see cref="MaximumAmount"/>.</summary>
    public static bool IsValidAmount(decimal amount, string currency) =>
        amount > 0 && amount <= MaximumAmount && amount == Round(amount, currency);

    /// <summary>Zero or an amount <see cref="IsValidAmount"/> accepts.</summary>
    public static bool IsValidAmountOrZero(decimal amount, string currency) => amount == 0 || IsValidAmount(amount, currency);
}
