namespace OmniChannel.ServiceDefaults.Http;

/// <summary>
/// An ISO 4217 alphabetic code (USD, EUR, JPY): the currency an amount is in travels with it. Checked by form only:
/// which currencies a store or a merchant account takes is the owner's data, not a list in code.
/// </summary>
public static class CurrencyCode
{
    public static bool IsValid(string? code) => code is { Length: 3 } && code.All(char.IsAsciiLetterUpper);
}
