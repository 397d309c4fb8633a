using static OmniChannel.Pricing.Tests.Shop;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.Pricing.Tests;

/// <summary>PRC-13 / PRC-14: captured lines keep their price and discounts until a recalculate unlocks every line.</summary>
public class PriceLockTests
{
    private static readonly Discount SocksFree = MixAndMatch("SOCKSFREE", new(MixAndMatchDealType.LeastExpensiveFree), groups: [([Shoes], 1), ([Socks], 1)]);

    private static Cart Captured(PriceBook book, Cart cart, string group = "cashier") => CartOperations.Lock(cart, Price(book, cart, group: group));

    [Fact]
    public void PRC14_locked_lines_keep_their_price_and_discounts_when_prices_and_discounts_change()
    {
        var then = Book(Simple("LAMP10", [Lamp], percent: 10));
        var captured = Captured(then, Cart(Line("1", Lamp, 2)));
        var now = PriceBook.Compile(Data([Simple("LAMP50", [Lamp], percent: 50)], agreements: [new("TA", Retail, "LAMP", 30.00m, "USD")]));

        var line = Price(now, captured).Lines.Single();

        Assert.True(line.Locked);
        Assert.Equal((40.00m, 72.00m), (line.UnitPrice, line.NetAmount));
        Assert.Equal("LAMP10", Assert.Single(line.Discounts).DiscountId);
    }

    [Fact]
    public void PRC14_locked_lines_are_left_out_of_deals_and_total_discounts()
    {
        var book = Book(SocksFree);
        var captured = Captured(book, Cart(Line("1", Socks)));
        var edited = captured with { Lines = [.. captured.Lines, Line("2", Shoes)], TotalDiscount = new(Amount: 10) };

        var priced = Price(book, edited, group: "manager");

        AssertConsistent(priced);
        Assert.Equal(10.00m, Net(priced, "1"));
        Assert.Equal(90.00m, Net(priced, "2"));
    }

    [Theory]
    [InlineData("line discount")]
    [InlineData("price override")]
    public void PRC14_a_manual_discount_on_a_locked_line_needs_recalculate_first(string operation)
    {
        var book = Book();
        var captured = Captured(book, Cart(Line("1", Jacket)), "manager");

        var refused = operation == "line discount"
            ? CartOperations.SetLineDiscount(captured, "1", new ManualDiscount(Percent: 5))
            : CartOperations.OverridePrice(captured, "1", 150);
        Assert.Equal((RefusalKind.Conflict, "line.price_locked"), (refused.Refusal!.Kind, refused.Refusal.Code));

        // Sent as state (e.g. over gRPC), the engine refuses it the same way.
        var asState = captured with { Lines = [captured.Lines[0] with { LineDiscount = new ManualDiscount(Percent: 5) }] };
        Assert.Equal("line.price_locked", Refuse(book, asState).Code);

        // After a recalculate every line is unlocked and the discount applies.
        var recalculated = CartOperations.Recalculate(captured);
        var discounted = CartOperations.SetLineDiscount(recalculated, "1", new ManualDiscount(Percent: 5)).Value!;
        Assert.Equal(190.00m, Price(book, discounted).NetAmount);
    }

    [Fact]
    public void PRC13_recalculate_unlocks_every_line_and_prices_the_whole_cart_again()
    {
        var book = Book(SocksFree);
        var captured = Captured(book, Cart(Line("1", Socks)));
        var edited = captured with { Lines = [.. captured.Lines, Line("2", Shoes)] };
        Assert.Equal(110.00m, Price(book, edited).NetAmount);

        var recalculated = Price(book, CartOperations.Recalculate(edited));

        Assert.All(recalculated.Lines, l => Assert.False(l.Locked));
        Assert.Equal(100.00m, recalculated.NetAmount);
        Assert.Equal("SOCKSFREE", Assert.Single(recalculated.Lines[0].Discounts).DiscountId);
    }

    [Fact]
    public void PRC13_recalculate_keeps_what_the_cashier_decided_before_the_lock()
    {
        var book = Book();
        var cart = Cart(
                Line("1", Jacket) with { PriceOverride = 150 },
                Line("2", Bag) with { LineDiscount = new ManualDiscount(Percent: 10) },
                Line("3", Tent) with { LineDiscount = new ManualDiscount(Amount: 20) })
            with
        { TotalDiscount = new ManualDiscount(Percent: 5) };
        var before = Price(book, cart, group: "manager");

        var recalculated = CartOperations.Recalculate(CartOperations.Lock(cart, before));

        Assert.Equal(cart.Lines, recalculated.Lines);
        Assert.Equal(cart.TotalDiscount, recalculated.TotalDiscount);
        Assert.Equal(before.NetAmount, Price(book, recalculated, group: "manager").NetAmount);
    }

    [Fact]
    public void PRC14_a_locked_line_whose_quantity_changes_keeps_its_discount_per_unit()
    {
        var book = Book(Simple("LAMP10", [Lamp], percent: 10));
        var captured = Captured(book, Cart(Line("1", Lamp, 2)));
        var more = captured with { Lines = [captured.Lines[0] with { Quantity = 3 }] };

        var line = Price(book, more).Lines[0];

        Assert.True(line.Locked);
        Assert.Equal((120.00m, 12.00m, 108.00m), (line.GrossAmount, line.DiscountAmount, line.NetAmount));
    }
}
