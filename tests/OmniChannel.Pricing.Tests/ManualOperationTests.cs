using static OmniChannel.Pricing.Tests.Shop;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.Pricing.Tests;

/// <summary>
/// PRC-4 … PRC-8: price overrides and manual discounts with the permission group's caps.
/// Cashier: line 10 % / 20.00, total 5 % / 25.00, no override. Manager: line 50 % / 200.00, total 25 % / 250.00, override.
/// </summary>
public class ManualOperationTests
{
    private static readonly PriceBook Book = Shop.Book(Simple("LAMP10", [Lamp], percent: 10));

    /// <param name="Group">The caller's permission group, as their token names it (null: a terminal without a cashier, a storefront).</param>
    public sealed record Case(string Name, string? Group, Cart Cart, decimal? ExpectedNet, string? ExpectedRefusal = null)
    {
        public override string ToString() => Name;
    }

    private static CartLine Discounted(CartLine line, decimal? amount = null, decimal? percent = null) =>
        line with { LineDiscount = new ManualDiscount(amount, percent) };

    public static TheoryData<Case> PriceOverrides => new()
    {
        new("PRC4 a manager overrides the price of a product that allows it", "manager", Cart(Line("1", Jacket) with { PriceOverride = 150 }), 150.00m),
        new("PRC4 a product that does not allow it is refused", "manager", Cart(Line("1", Lamp) with { PriceOverride = 30 }), null, "price_override.not_allowed"),
        new("PRC4 a permission group that may not override is refused", "cashier", Cart(Line("1", Jacket) with { PriceOverride = 150 }), null, "price_override.not_permitted"),
        new("PRC4 no signed-in cashier (a bare terminal, a storefront): no override at all", null, Cart(Line("1", Jacket) with { PriceOverride = 150 }), null, "permission_group.required"),
        new("PRC4 a negative override is refused", "manager", Cart(Line("1", Jacket) with { PriceOverride = -1 }), null, "price_override.invalid"),
        new("PRC4 an override with more decimals than the currency is refused", "manager", Cart(Line("1", Jacket) with { PriceOverride = 1.234m }), null, "price_override.invalid"),
    };

    public static TheoryData<Case> LineDiscounts => new()
    {
        new("PRC5 a line discount amount within the cap", "cashier", Cart(Discounted(Line("1", Bag), amount: 20)), 60.00m),
        new("PRC5 a line discount amount over the cap is refused", "cashier", Cart(Discounted(Line("1", Bag), amount: 20.01m)), null, "line_discount.over_cap"),
        new("PRC5 the manager's cap is higher", "manager", Cart(Discounted(Line("1", Bag), amount: 50)), 30.00m),
        new("PRC5 more than the line costs is refused", "manager", Cart(Discounted(Line("1", Socks), amount: 10.01m)), null, "line_discount.exceeds_line"),
        new("PRC6 a line discount percent within the cap", "cashier", Cart(Discounted(Line("1", Bag, 2), percent: 10)), 144.00m),
        new("PRC6 a line discount percent over the cap is refused", "cashier", Cart(Discounted(Line("1", Bag), percent: 11)), null, "line_discount.over_cap"),
        new("PRC6 applies after system discounts", "cashier", Cart(Discounted(Line("1", Lamp), percent: 10)), 32.40m),
        new("PRC5 a non-discountable product is refused", "manager", Cart(Discounted(Line("1", Sleeping), amount: 5)), null, "line_discount.not_discountable"),
        new("PRC5 a return line takes no discount", "manager", Cart(Discounted(Line("1", Bag) with { IsReturn = true }, amount: 5)), null, "line_discount.return_line"),
        new("PRC5 both an amount and a percent is refused", "manager", Cart(Discounted(Line("1", Bag), amount: 5, percent: 5)), null, "line_discount.invalid"),
        new("PRC6 a percent above 100 is refused", "manager", Cart(Discounted(Line("1", Bag), percent: 101)), null, "line_discount.invalid"),
        new("PRC5 no signed-in cashier (a bare terminal, a storefront): no manual discount at all", null, Cart(Discounted(Line("1", Bag), amount: 5)), null, "permission_group.required"),
        new("PRC5 a permission group the price book does not know is refused", "owner", Cart(Line("1", Bag)), null, "permission_group.not_found"),
    };

    public static TheoryData<Case> TotalDiscounts => new()
    {
        new("PRC7 a total discount amount within the cap", "cashier", Cart(Line("1", Jacket), Line("2", Bag)) with { TotalDiscount = new(Amount: 25) }, 255.00m),
        new("PRC7 a total discount amount over the cap is refused", "cashier", Cart(Line("1", Jacket), Line("2", Bag)) with { TotalDiscount = new(Amount: 25.01m) }, null, "total_discount.over_cap"),
        new("PRC7 more than the discountable lines cost is refused", "manager", Cart(Line("1", Socks)) with { TotalDiscount = new(Amount: 11) }, null, "total_discount.exceeds_total"),
        new("PRC7 non-discountable lines keep their price", "manager", Cart(Line("1", Sleeping), Line("2", Bag)) with { TotalDiscount = new(Amount: 30) }, 300.00m),
        new("PRC8 a total discount percent within the cap", "cashier", Cart(Line("1", Jacket), Line("2", Bag)) with { TotalDiscount = new(Percent: 5) }, 266.00m),
        new("PRC8 a total discount percent over the cap is refused", "cashier", Cart(Line("1", Jacket)) with { TotalDiscount = new(Percent: 6) }, null, "total_discount.over_cap"),
        new("PRC8 the manager's cap is higher", "manager", Cart(Line("1", Jacket)) with { TotalDiscount = new(Percent: 25) }, 150.00m),
        new("PRC8 after system and line discounts", "cashier", Cart(Discounted(Line("1", Lamp), amount: 6)) with { TotalDiscount = new(Percent: 5) }, 28.50m),
        new("PRC7 a cart mixing sales and returns is refused", "manager", Cart(Line("1", Jacket), Line("2", Bag) with { IsReturn = true }) with { TotalDiscount = new(Amount: 5) }, null, "total_discount.mixed_cart"),
        new("PRC8 a cart mixing sales and returns is refused", "manager", Cart(Line("1", Jacket), Line("2", Bag) with { IsReturn = true }) with { TotalDiscount = new(Percent: 5) }, null, "total_discount.mixed_cart"),
    };

    [Theory]
    [MemberData(nameof(PriceOverrides))]
    [MemberData(nameof(LineDiscounts))]
    [MemberData(nameof(TotalDiscounts))]
    public void PRC4_to_PRC8_manual_operations_within_caps_apply_and_beyond_them_are_refused(Case c)
    {
        var outcome = PricingEngine.Price(c.Cart, Book, Products, Now, permissionGroup: c.Group);

        if (c.ExpectedRefusal is { } code)
        {
            Assert.Equal(code, outcome.Refusal?.Code);
            return;
        }
        Assert.Null(outcome.Refusal);
        AssertConsistent(outcome.Value!);
        Assert.Equal(c.ExpectedNet, outcome.Value!.NetAmount);
    }

    [Fact]
    public void PRC5_line_discount_over_cap_is_refused()
    {
        var cart = Cart(Line("1", Bag));

        var next = CartOperations.SetLineDiscount(cart, "1", new ManualDiscount(Amount: 25)).Value!;
        var refusal = PricingEngine.Price(next, Book, Products, Now, permissionGroup: "cashier").Refusal!;

        Assert.Equal((RefusalKind.Forbidden, "line_discount.over_cap"), (refusal.Kind, refusal.Code));
    }

    [Fact]
    public void PRC7_a_total_discount_amount_is_split_over_the_lines_to_the_cent()
    {
        var priced = Price(Book, Cart(Line("1", Jacket), Line("2", Bag), Line("3", Socks)) with { TotalDiscount = new(Amount: 10) });

        // 10.00 over 200 / 80 / 10 in proportion: 6.90 + 2.76 + 0.34, exactly 10.00.
        Assert.Equal([6.90m, 2.76m, 0.34m], priced.Lines.Select(l => l.DiscountAmount));
        Assert.Equal(AppliedDiscountType.ManualTotal, priced.Lines[0].Discounts.Single().Type);
    }

    [Fact]
    public void PRC4_a_line_that_does_not_exist_cannot_be_overridden()
    {
        Assert.Equal("line.not_found", CartOperations.OverridePrice(Cart(Line("1", Bag)), "9", 10).Refusal?.Code);
    }
}
