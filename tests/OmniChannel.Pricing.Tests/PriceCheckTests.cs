using static OmniChannel.Pricing.Tests.Shop;

namespace OmniChannel.Pricing.Tests;

/// <summary>PRC-1: the configured price of a product in a store: trade agreements by price group and validity.</summary>
public class PriceCheckTests
{
    public sealed record Case(string Name, TradeAgreement[] Agreements, string? Customer, decimal ExpectedPrice, PriceSourceKind ExpectedSource)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<Case> Cases => new()
    {
        new("no agreement: the base price", [], null, 40.00m, PriceSourceKind.BasePrice),
        new("an agreement of the store's price group", [new("TA1", Retail, "LAMP", 35.00m, "USD")], null, 35.00m, PriceSourceKind.TradeAgreement),
        new("an agreement above the base price still is the configured price", [new("TA1", Retail, "LAMP", 45.00m, "USD")], null, 45.00m, PriceSourceKind.TradeAgreement),
        new("the lowest of several valid agreements", [new("TA1", Retail, "LAMP", 35.00m, "USD"), new("TA2", "SPRING", "LAMP", 33.00m, "USD")], null, 33.00m, PriceSourceKind.TradeAgreement),
        new("an expired agreement is ignored", [new("TA1", Retail, "LAMP", 30.00m, "USD", ValidTo: Now.AddDays(-1))], null, 40.00m, PriceSourceKind.BasePrice),
        new("a future agreement is ignored", [new("TA1", Retail, "LAMP", 30.00m, "USD", ValidFrom: Now.AddDays(1))], null, 40.00m, PriceSourceKind.BasePrice),
        new("another price group's agreement is ignored", [new("TA1", "OUTLET", "LAMP", 30.00m, "USD")], null, 40.00m, PriceSourceKind.BasePrice),
        new("a loyalty member gets the program's agreement", [new("TA1", "CLUB", "LAMP", 30.00m, "USD")], "C-CLUB", 30.00m, PriceSourceKind.TradeAgreement),
        new("another currency's agreement is ignored", [new("TA1", Retail, "LAMP", 30.00m, "EUR")], null, 40.00m, PriceSourceKind.BasePrice),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void PRC1_price_check_answers_the_configured_price(Case c)
    {
        var book = PriceBook.Compile(Data(agreements: c.Agreements));

        var (price, source) = PriceResolution.Resolve(Lamp, book.CartGroups(StoreId, c.Customer), book, "USD", Now);

        Assert.Equal(c.ExpectedPrice, price);
        Assert.Equal(c.ExpectedSource, source.Kind);
        // A cart line is priced the same way, and says where its price came from.
        var line = Price(book, Cart(Line("1", Lamp)) with { CustomerId = c.Customer }).Lines[0];
        Assert.Equal((c.ExpectedPrice, c.ExpectedSource), (line.UnitPrice, line.PriceSource.Kind));
    }
}
