namespace OmniChannel.Pricing.Engine.Model;

/// <summary>
/// A cart (a POS transaction or an order being edited) as its holder sends it: the engine keeps no cart state.
/// Manual operations are part of the state (price overrides, manual discounts, coupons, "system discounts removed").
/// </summary>
public sealed record Cart
{
    public string StoreId { get; init; } = "";
    public string? CustomerId { get; init; }

    public IReadOnlyList<CartLine> Lines { get; init; } = [];

    /// <summary>Coupon codes (or barcodes) added to the cart (PRC-11 / PRC-12).</summary>
    public IReadOnlyList<string> CouponCodes { get; init; } = [];

    /// <summary>PRC-7 / PRC-8: a manual discount over the whole cart.</summary>
    public ManualDiscount? TotalDiscount { get; init; }

    /// <summary>PRC-9 on, PRC-10 off: system discounts (coupon-based included) are left out; manual ones stay.</summary>
    public bool SystemDiscountsRemoved { get; init; }
}

public sealed record CartLine
{
    public string LineId { get; init; } = "";
    public string Sku { get; init; } = "";
    public int Quantity { get; init; } = 1;
    public bool IsReturn { get; init; }

    /// <summary>PRC-4: the unit price entered by the cashier.</summary>
    public decimal? PriceOverride { get; init; }

    /// <summary>PRC-5 / PRC-6: a manual discount on this line.</summary>
    public ManualDiscount? LineDiscount { get; init; }

    /// <summary>PRC-14: set when the line was captured in an order; the line keeps it until a recalculate.</summary>
    public PriceLock? PriceLock { get; init; }
}

/// <summary>Exactly one of an amount or a percent (0 &lt; percent ≤ 100).</summary>
public sealed record ManualDiscount(decimal? Amount = null, decimal? Percent = null);

/// <summary>
/// A line's price and discounts frozen when its order was captured (PRC-14). <see cref="Quantity"/> is the quantity
/// they were priced for: when the line's quantity changes later, the locked discount amounts scale with it.
/// </summary>
public sealed record PriceLock(decimal UnitPrice, PriceSource Source, IReadOnlyList<AppliedDiscount> Discounts, int Quantity)
{
    /// <summary>
    /// Pricing's signature over the lock, its line's SKU and the cart's store (Features/Carts/PriceLockSeals.cs): a
    /// terminal holds the lock and sends it back, and a lock Pricing did not issue, or one changed since, is refused.
    /// </summary>
    public string? Seal { get; init; }
}
