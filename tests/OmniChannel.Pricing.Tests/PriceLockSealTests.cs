using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OmniChannel.Pricing.Features.Carts;
using static OmniChannel.Pricing.Tests.Shop;

namespace OmniChannel.Pricing.Tests;

/// <summary>Issue 12: a lock the terminal sends back is Pricing's own, unchanged, for that store and SKU.</summary>
public class PriceLockSealTests
{
    private static readonly Discount SocksFree = MixAndMatch("SOCKSFREE", new(MixAndMatchDealType.LeastExpensiveFree), groups: [([Shoes], 1), ([Socks], 1)]);

    private static PriceLockSeals Seals(string key = "a-key-of-at-least-thirty-two-characters!") =>
        new(Options.Create(new PriceLockOptions { PriceLockKey = key }), NullLogger<PriceLockSeals>.Instance);

    private static Cart Locked(PriceLockSeals seals)
    {
        var cart = Cart(Line("1", Shoes), Line("2", Socks));
        return seals.Seal(CartOperations.Lock(cart, Price(Book(SocksFree), cart)));
    }

    private static Cart WithLock(Cart cart, Func<PriceLock, PriceLock> change) =>
        cart with { Lines = [cart.Lines![0] with { PriceLock = change(cart.Lines[0].PriceLock!) }, .. cart.Lines.Skip(1)] };

    [Fact]
    public void A_lock_as_issued_holds_and_its_amounts_may_lose_their_trailing_zeros_on_the_way()
    {
        var seals = Seals();
        var cart = Locked(seals);

        Assert.Null(seals.Check(cart));
        Assert.Null(seals.Check(WithLock(cart, l => l with { UnitPrice = decimal.Parse(l.UnitPrice.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + "00", System.Globalization.CultureInfo.InvariantCulture) })));
    }

    [Fact]
    public void A_changed_price_discount_quantity_or_SKU_and_a_missing_seal_or_another_key_are_refused()
    {
        var seals = Seals();
        var cart = Locked(seals);

        Assert.Equal("price_lock.invalid", seals.Check(WithLock(cart, l => l with { UnitPrice = 0.01m }))?.Code);
        Assert.Equal("price_lock.invalid", seals.Check(WithLock(cart, l => l with { Discounts = [.. l.Discounts, new AppliedDiscount("manual-line", "90 %", 10m, AppliedDiscountType.ManualLine, ConcurrencyMode.Exclusive)] }))?.Code);
        Assert.Equal("price_lock.invalid", seals.Check(WithLock(cart, l => l with { Quantity = l.Quantity + 1 }))?.Code);
        Assert.Equal("price_lock.invalid", seals.Check(WithLock(cart, l => l with { Seal = null }))?.Code);
        Assert.Equal("price_lock.invalid", seals.Check(cart with { Lines = [cart.Lines![0] with { Sku = Socks.Sku }, .. cart.Lines.Skip(1)] })?.Code);
        Assert.Equal("price_lock.invalid", seals.Check(cart with { StoreId = "SEATTLE" })?.Code);
        Assert.Equal("price_lock.invalid", Seals("another-key-of-at-least-thirty-two-characters").Check(cart)?.Code);
    }

    [Fact]
    public void A_key_shorter_than_32_characters_is_refused_at_start() =>
        Assert.Throws<InvalidOperationException>(() => Seals("short"));
}
