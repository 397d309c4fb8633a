using static OmniChannel.Pricing.Tests.Shop;

namespace OmniChannel.Pricing.Tests;

/// <summary>PRC-2 "show all discounts" and PRC-3 "show available discounts".</summary>
public class DiscountListingTests
{
    private static readonly PriceBook Book = PriceBook.Compile(Data(
        [
            Simple("STORE10", [Lamp], percent: 10) with { Name = "Headlamp sale", Description = "Ten percent off headlamps" },
            Simple("SPRING", [Bag], percent: 15, group: "SPRING") with { Name = "Spring catalog bag" },
            Simple("CLUB", [Jacket], percent: 5, group: "CLUB") with { Name = "Club jacket" },
            Simple("STAFF", [Tent], percent: 30, group: "STAFF") with { Name = "Staff tent" },
            Simple("OUTLET", [Tent], percent: 30, group: "OUTLET") with { Name = "Outlet tent" },
            Simple("CODE", [Bag], percent: 20) with { Name = "Coupon bag" },
            Simple("NOCODE", [Shoes], amount: 10) with { Name = "Welcome shoes" },
            Simple("LAMPX", [Lamp], percent: 20, mode: ConcurrencyMode.Exclusive, priority: 1) with { Name = "Exclusive headlamp" },
            MixAndMatch("SOCKSFREE", new(MixAndMatchDealType.LeastExpensiveFree), groups: [([Shoes], 1), ([Socks], 1)]) with { Name = "Shoes and socks" },
            Quantity("MULTI", [Socks], [new(3, PercentOff: 10), new(6, PercentOff: 20)]) with { Name = "Socks multibuy" },
            Threshold("SPEND", [new(300, AmountOff: 25)]) with { Name = "Spend 300" },
        ],
        [new Coupon("C1", "SECRET", null, ["CODE"]), new Coupon("C2", "WELCOME", null, ["NOCODE"], ApplyWithoutCode: true)]));

    private static IReadOnlyList<ListedDiscount> All(DiscountFilter? filter = null, PricedCart? cart = null, string store = StoreId, string? customer = null) =>
        DiscountListing.AllDiscounts(Book, store, customer, cart, filter ?? new DiscountFilter(), Now).Value!;

    public sealed record Case(string Name, DiscountFilter Filter, string Store, string[] Expected)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<Case> Filters => new()
    {
        new("store, catalog, affiliation and loyalty price groups; no coupon-only ones", new(), StoreId,
            ["LAMPX", "CLUB", "STORE10", "SOCKSFREE", "MULTI", "SPEND", "SPRING", "STAFF", "NOCODE"]),
        new("another store: not this store's catalog", new(), OtherStoreId,
            ["LAMPX", "CLUB", "STORE10", "SOCKSFREE", "MULTI", "SPEND", "STAFF", "NOCODE"]),
        new("search by name", new(Search: "headlamp"), StoreId, ["LAMPX", "STORE10"]),
        new("search by description", new(Search: "TEN PERCENT"), StoreId, ["STORE10"]),
        new("coupon required only: the apply-without-code ones", new(CouponRequired: true), StoreId, ["NOCODE"]),
        new("no coupon required", new(CouponRequired: false, Search: "tent"), StoreId, ["STAFF"]),
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public void PRC2_show_all_discounts_filters_by_price_groups_search_and_coupon(Case c)
    {
        Assert.Equal(c.Expected, All(c.Filter, store: c.Store).Select(d => d.DiscountId));
    }

    [Fact]
    public void PRC2_says_how_a_discount_reaches_the_store_and_whether_the_customer_qualifies()
    {
        var club = All(customer: "C-CLUB").Single(d => d.DiscountId == "CLUB");
        var staff = All(customer: "C-CLUB").Single(d => d.DiscountId == "STAFF");

        Assert.Equal(PriceGroupSource.LoyaltyProgram, Assert.Single(club.ReachedThrough).Source);
        Assert.True(club.CustomerQualifies);
        Assert.False(staff.CustomerQualifies);
        Assert.Equal(["WELCOME"], All().Single(d => d.DiscountId == "NOCODE").CouponCodes);
    }

    [Fact]
    public void PRC2_hides_discounts_that_conflict_with_the_applied_ones()
    {
        var cart = Price(Book, Cart(Line("1", Lamp)));
        Assert.Equal(["LAMPX"], cart.Lines[0].Discounts.Select(d => d.DiscountId));

        var listed = All(cart: cart).Select(d => d.DiscountId).ToList();

        Assert.Contains("LAMPX", listed);
        Assert.DoesNotContain("STORE10", listed); // kept off the headlamp by the exclusive, higher-priority discount
        Assert.Contains("SOCKSFREE", listed);
        Assert.True(All(cart: cart).Single(d => d.DiscountId == "LAMPX").Applied);
    }

    private static IReadOnlyList<AvailableDiscount> Available(Cart cart, string? lineId = null) =>
        DiscountListing.Available(cart, Price(Book, cart), Book, Products, lineId, Now).Value!;

    [Fact]
    public void PRC3_a_mix_and_match_one_item_short_says_what_to_add()
    {
        var shoes = Available(Cart(Line("1", Shoes))).Single(d => d.DiscountId == "SOCKSFREE");

        Assert.Equal(Availability.NeedsMore, shoes.Status);
        var missing = Assert.Single(shoes.MissingItems);
        Assert.Equal(["SOCKS"], missing.Skus);
        Assert.Equal(1, missing.Quantity);
        Assert.Equal("Add 1 more of SOCKS to get 'Shoes and socks'.", shoes.Explanation);
    }

    [Fact]
    public void PRC3_lists_applied_and_applicable_discounts_of_the_selected_line()
    {
        var cart = Cart(Line("1", Lamp), Line("2", Socks, 4));

        var lamp = Available(cart, "1");
        var socks = Available(cart, "2");

        Assert.Equal([("LAMPX", Availability.Applied), ("STORE10", Availability.Applicable)],
            lamp.Where(d => d.Type != DiscountType.Threshold).Select(d => (d.DiscountId, d.Status)));
        var multibuy = socks.Single(d => d.DiscountId == "MULTI");
        Assert.Equal((Availability.Applied, 4.00m, 2), (multibuy.Status, multibuy.AppliedAmount, multibuy.MissingItems.Single().Quantity));
    }

    [Fact]
    public void PRC3_a_threshold_says_how_much_more_to_spend()
    {
        var spend = Available(Cart(Line("1", Jacket))).Single(d => d.DiscountId == "SPEND");

        Assert.Equal((Availability.NeedsMore, 100.00m), (spend.Status, spend.MissingAmount));
    }

    [Fact]
    public void PRC3_a_coupon_that_applies_without_code_can_be_applied_from_the_list()
    {
        var cart = Cart(Line("1", Shoes));
        var welcome = Available(cart).Single(d => d.DiscountId == "NOCODE");
        Assert.Equal((Availability.NeedsCoupon, "WELCOME"), (welcome.Status, welcome.CouponCode));
        Assert.DoesNotContain(Available(cart), d => d.DiscountId == "CODE");

        var applied = CartOperations.AddCoupon(cart, welcome.CouponCode, Book, Now).Value!;

        Assert.Equal(Availability.Applied, Available(applied).Single(d => d.DiscountId == "NOCODE").Status);
        Assert.Equal(90.00m, Price(Book, applied).NetAmount);
    }
}
