using static OmniChannel.Pricing.Tests.Shop;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.Pricing.Tests;

/// <summary>Bad input gets one stable code and prices nothing (PRC-*, cross-cutting).</summary>
public class InputTests
{
    public sealed record Case(string Name, Cart Cart, string ExpectedCode, RefusalKind ExpectedKind)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<Case> Cases => new()
    {
        new("no store", Cart(Line("1", Lamp)) with { StoreId = "" }, "cart.store_required", RefusalKind.Invalid),
        new("unknown store", Cart(Line("1", Lamp)) with { StoreId = "NOWHERE" }, "store.not_found", RefusalKind.NotFound),
        new("unknown product", Cart(new CartLine { LineId = "1", Sku = "NOPE" }), "product.not_found", RefusalKind.NotFound),
        new("negative quantity", Cart(Line("1", Lamp, -1)), "line.quantity_invalid", RefusalKind.Invalid),
        new("zero quantity", Cart(Line("1", Lamp, 0)), "line.quantity_invalid", RefusalKind.Invalid),
        new("no line id", Cart(Line("", Lamp)), "line.id_required", RefusalKind.Invalid),
        new("a line id twice", Cart(Line("1", Lamp), Line("1", Bag)), "line.id_duplicate", RefusalKind.Invalid),
        new("no sku", Cart(new CartLine { LineId = "1", Sku = "" }), "line.sku_required", RefusalKind.Invalid),
        new("a malformed price lock", Cart(Line("1", Lamp) with { PriceLock = new PriceLock(-1, PriceSource.BasePrice, [], 1) }), "price_lock.invalid", RefusalKind.Invalid),
        new("a total discount without amount or percent", Cart(Line("1", Lamp)) with { TotalDiscount = new ManualDiscount() }, "total_discount.invalid", RefusalKind.Invalid),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_is_refused_with_a_stable_code(Case c)
    {
        var refusal = Refuse(Book(Simple("LAMP10", [Lamp], percent: 10)), c.Cart);

        Assert.Equal((c.ExpectedCode, c.ExpectedKind), (refusal.Code, refusal.Kind));
    }
}
