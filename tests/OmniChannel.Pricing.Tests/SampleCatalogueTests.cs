using OmniChannel.Pricing.Features.MasterData;
using OmniChannel.ServiceDefaults.Persistence;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.Pricing.Tests;

/// <summary>The pricing part of deploy/sample-data/catalog.json: what a newcomer prices first must hold together.</summary>
public class SampleCatalogueTests
{
    private static readonly PricingSampleData Base = SampleData.ReadCatalog<PricingSampleData>();
    private static readonly PricingMasterDataSample Sample = SampleData.ReadCatalog<PricingMasterDataSample>();

    private static readonly PriceBook Book = PriceBook.Compile(new MasterData(
        Base.Stores.Select(s => new Store(s.Id, s.PriceGroup, s.Currency)).ToList(),
        Sample.TradeAgreements!, Sample.Discounts!, Sample.Coupons!, Sample.PermissionGroups!, Sample.Affiliations!,
        Sample.LoyaltyPrograms!, Sample.Catalogs!));

    private static readonly IReadOnlyDictionary<string, Product> Products = Base.Products
        .ToDictionary(p => p.Sku, p => new Product(p.Sku, p.Name, p.BasePrice, Base.Currency, p.PriceOverrideAllowed, p.Discountable));

    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Every_sample_discount_is_valid_and_every_type_and_mode_is_there()
    {
        Assert.Empty(Book.Rejected);
        Assert.All(Enum.GetValues<DiscountType>(), type => Assert.Contains(Sample.Discounts!, d => d.Type == type));
        Assert.All(Enum.GetValues<ConcurrencyMode>(), mode => Assert.Contains(Sample.Discounts!, d => d.Mode == mode));
        Assert.All(Enum.GetValues<MixAndMatchDealType>(), deal => Assert.Contains(Sample.Discounts!, d => d.Deal?.Type == deal));
        Assert.All(Sample.Discounts!.SelectMany(d => d.Skus.Concat(d.Groups.SelectMany(g => g.Skus))), sku => Assert.Contains(sku, Products.Keys));
    }

    [Fact]
    public void Coupons_name_sample_discounts_and_one_applies_without_code_and_one_has_expired()
    {
        Assert.All(Sample.Coupons!.SelectMany(c => c.DiscountIds), id => Assert.Contains(Sample.Discounts!, d => d.Id == id));
        Assert.Contains(Sample.Coupons!, c => c.ApplyWithoutCode);
        Assert.Contains(Sample.Coupons!, c => c.ValidTo < Now);
    }

    [Fact]
    public void The_cashier_and_the_manager_have_different_caps_and_an_affiliation_and_a_loyalty_program_reach_customers()
    {
        var cashier = Book.FindPermissionGroup("cashier")!;
        var manager = Book.FindPermissionGroup("manager")!;
        Assert.True(cashier.MaxLineDiscountPercent < manager.MaxLineDiscountPercent && cashier.MaxTotalDiscountAmount < manager.MaxTotalDiscountAmount);
        Assert.False(cashier.AllowPriceOverride);
        Assert.True(manager.AllowPriceOverride);
        Assert.Equal(PriceGroupSource.LoyaltyProgram, Assert.Single(Book.CustomerGroups("2001")).Source);
        Assert.Equal(PriceGroupSource.Affiliation, Assert.Single(Book.CustomerGroups("3001")).Source);
    }

    [Theory]
    [InlineData("HOUSTON", null, "81120:1,83010:1", 129.99)]   // trail shoes + socks: socks free
    [InlineData("HOUSTON", "2001", "81120:1,83010:1", 113.99)] // club price 119.99, socks free, club 5 % over 100
    [InlineData("HOUSTON", null, "82001:1,84100:1", 249.00)]   // rain shell + daypack for 249
    [InlineData("HOUSTON", null, "85005:1,86001:2", 321.73)]   // tent + two headlamps 25 % (exclusive): 107.245 off, rounded 107.25
    [InlineData("SEATTLE", null, "82001:1", 170.10)]           // spring catalog: rain shell 10 %
    [InlineData("HOUSTON", "3001", "82002:1", 219.12)]         // Contoso: parka 12 %
    [InlineData("HOUSTON", null, "87001:1,86001:1", 173.29)]   // GPS clearance (exclusive, priority 10) + headlamp 15 %
    public void The_sample_discounts_price_sample_carts(string store, string? customer, string lines, decimal expectedNet)
    {
        var cart = new Cart
        {
            StoreId = store, CustomerId = customer,
            Lines = lines.Split(',').Select((l, i) => new CartLine { LineId = $"{i + 1}", Sku = l.Split(':')[0], Quantity = int.Parse(l.Split(':')[1]) }).ToList(),
        };

        var priced = PricingEngine.Price(cart, Book, Products, Now);

        Assert.Null(priced.Refusal);
        Shop.AssertConsistent(priced.Value!);
        Assert.Equal(expectedNet, priced.Value!.NetAmount);
    }
}
