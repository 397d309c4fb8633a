namespace OmniChannel.IntegrationTests.Infrastructure;

/// <summary>UPC-A codes for products the tests and benchmarks make up: 11 digits from a prefix and the SKU, and the GS1 check digit.</summary>
public static class Gtin
{
    public static string UpcFor(char prefix, string sku)
    {
        var body = prefix + new string(sku.Where(char.IsAsciiDigit).ToArray()).PadLeft(10, '0')[^10..];
        var sum = body.Select((c, i) => (c - '0') * (i % 2 == 0 ? 3 : 1)).Sum();
        return body + (10 - sum % 10) % 10;
    }
}
