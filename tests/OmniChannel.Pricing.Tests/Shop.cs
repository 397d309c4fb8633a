using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.Pricing.Tests;

/// <summary>A small store to price carts in: products, builders for discounts and carts, a fixed "now".</summary>
public static class Shop
{
    public static readonly DateTimeOffset Now = new(2026, 3, 15, 12, 0, 0, TimeSpan.Zero);
    public const string StoreId = "S1";
    public const string OtherStoreId = "S2";
    public const string Retail = "RETAIL";

    public static readonly Product Shoes = new("SHOES", "Trail shoe", 100.00m, "USD", PriceOverrideAllowed: false, Discountable: true);
    public static readonly Product Socks = new("SOCKS", "Socks", 10.00m, "USD", false, true);
    public static readonly Product Jacket = new("JACKET", "Rain jacket", 200.00m, "USD", true, true);
    public static readonly Product Bag = new("BAG", "Daypack", 80.00m, "USD", true, true);
    public static readonly Product Tent = new("TENT", "Tent", 300.00m, "USD", true, true);
    public static readonly Product Lamp = new("LAMP", "Headlamp", 40.00m, "USD", false, true);
    public static readonly Product Bottle = new("BOTTLE", "Bottle", 19.99m, "USD", false, true);
    public static readonly Product Sleeping = new("SLEEPING", "Sleeping bag", 250.00m, "USD", false, Discountable: false);

    public static readonly IReadOnlyDictionary<string, Product> Products =
        new[] { Shoes, Socks, Jacket, Bag, Tent, Lamp, Bottle, Sleeping }.ToDictionary(p => p.Sku);

    public static readonly PermissionGroup Cashier = new("cashier", "Cashier", MaxLineDiscountPercent: 10, MaxLineDiscountAmount: 20,
        MaxTotalDiscountPercent: 5, MaxTotalDiscountAmount: 25, AllowPriceOverride: false);

    public static readonly PermissionGroup Manager = new("manager", "Store manager", 50, 200, 25, 250, AllowPriceOverride: true);

    public static MasterData Data(IEnumerable<Discount>? discounts = null, IEnumerable<Coupon>? coupons = null,
        IEnumerable<TradeAgreement>? agreements = null) => new(
        Stores: [new Store(StoreId, Retail, "USD"), new Store(OtherStoreId, Retail, "USD")],
        TradeAgreements: [.. agreements ?? []],
        Discounts: [.. discounts ?? []],
        Coupons: [.. coupons ?? []],
        PermissionGroups: [Cashier, Manager],
        Affiliations: [new Affiliation("AFF", "Contoso staff", "STAFF", ["C-STAFF"])],
        LoyaltyPrograms: [new LoyaltyProgram("CLUB", "Outdoor club", "CLUB", ["C-CLUB"])],
        Catalogs: [new Catalog("SPRING", "Spring catalog", [StoreId], ["SPRING"])]);

    public static PriceBook Book(params Discount[] discounts) => PriceBook.Compile(Data(discounts));

    public static CartLine Line(string id, Product product, int quantity = 1) => new() { LineId = id, Sku = product.Sku, Quantity = quantity };

    public static Cart Cart(params CartLine[] lines) => new() { StoreId = StoreId, Lines = lines };

    /// <summary>Priced as <paramref name="group"/> (the caller's token's permission group; a cashier unless a test says otherwise).</summary>
    public static PricedCart Price(PriceBook book, Cart cart, SearchLimits? limits = null, string? group = "cashier")
    {
        var outcome = PricingEngine.Price(cart, book, Products, Now, limits, group);
        Assert.True(outcome.Refusal is null, $"refused: {outcome.Refusal}");
        return outcome.Value!;
    }

    public static Refusal Refuse(PriceBook book, Cart cart, string? group = "cashier")
    {
        var outcome = PricingEngine.Price(cart, book, Products, Now, permissionGroup: group);
        Assert.True(outcome.Refusal is not null, "expected a refusal");
        return outcome.Refusal!;
    }

    public static Discount Simple(string id, Product[] products, decimal? percent = null, decimal? amount = null, decimal? price = null,
        ConcurrencyMode mode = ConcurrencyMode.BestPrice, int priority = 0, string group = Retail) => new()
        {
            Id = id, Name = id, Type = DiscountType.Simple, Mode = mode, Priority = priority, PriceGroups = [group],
            Skus = products.Select(p => p.Sku).ToList(), Offer = new Offer(percent, amount, price),
        };

    public static Discount Quantity(string id, Product[] products, QuantityTier[] tiers,
        ConcurrencyMode mode = ConcurrencyMode.BestPrice, int priority = 0) => new()
        {
            Id = id, Name = id, Type = DiscountType.Quantity, Mode = mode, Priority = priority, PriceGroups = [Retail],
            Skus = products.Select(p => p.Sku).ToList(), QuantityTiers = tiers,
        };

    public static Discount MixAndMatch(string id, MixAndMatchDeal deal, ConcurrencyMode mode = ConcurrencyMode.BestPrice, int priority = 0,
        params (Product[] Products, int Quantity)[] groups) => new()
        {
            Id = id, Name = id, Type = DiscountType.MixAndMatch, Mode = mode, Priority = priority, PriceGroups = [Retail],
            Groups = groups.Select(g => new MixAndMatchGroup(g.Products.Select(p => p.Sku).ToList(), g.Quantity)).ToList(), Deal = deal,
        };

    public static Discount Threshold(string id, ThresholdTier[] tiers, ConcurrencyMode mode = ConcurrencyMode.BestPrice, int priority = 0,
        Product[]? products = null) => new()
        {
            Id = id, Name = id, Type = DiscountType.Threshold, Mode = mode, Priority = priority, PriceGroups = [Retail],
            Skus = (products ?? []).Select(p => p.Sku).ToList(), ThresholdTiers = tiers,
        };

    public static decimal Net(PricedCart cart, string lineId) => cart.Lines.Single(l => l.LineId == lineId).NetAmount;

    public static IEnumerable<string> Applied(PricedCart cart, string lineId) =>
        cart.Lines.Single(l => l.LineId == lineId).Discounts.Select(d => d.DiscountId);

    /// <summary>The invariants every priced cart keeps, checked on every cart a test prices.</summary>
    public static void AssertConsistent(PricedCart cart)
    {
        foreach (var line in cart.Lines)
        {
            Assert.Equal(line.DiscountAmount, line.Discounts.Sum(d => d.Amount));
            Assert.Equal(line.NetAmount, line.GrossAmount - line.DiscountAmount);
            Assert.Equal(Math.Round(line.NetAmount, 2), line.NetAmount);
            Assert.True(line.IsReturn ? line.NetAmount <= 0 : line.NetAmount >= 0);
        }
        Assert.Equal(cart.GrossAmount, cart.Lines.Sum(l => l.GrossAmount));
        Assert.Equal(cart.DiscountAmount, cart.Lines.Sum(l => l.DiscountAmount));
        Assert.Equal(cart.NetAmount, cart.Lines.Sum(l => l.NetAmount));
    }
}
