using OmniChannel.Pricing.Engine.Model;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.Pricing.Engine;

/// <summary>
/// The POS operations on a cart, as pure decisions: each takes a cart and returns the next cart (or a refusal).
/// The caller then prices the result, which checks caps and every other rule; a refusal at either step leaves the
/// caller's cart as it was.
/// </summary>
public static class CartOperations
{
    /// <summary>PRC-4.</summary>
    public static Outcome<Cart> OverridePrice(Cart cart, string lineId, decimal? unitPrice) =>
        UpdateLine(cart, lineId, line => line with { PriceOverride = unitPrice });

    /// <summary>PRC-5 / PRC-6; null clears it.</summary>
    public static Outcome<Cart> SetLineDiscount(Cart cart, string lineId, ManualDiscount? discount) =>
        UpdateLine(cart, lineId, line => line with { LineDiscount = discount });

    /// <summary>PRC-7 / PRC-8; null clears it.</summary>
    public static Cart SetTotalDiscount(Cart cart, ManualDiscount? discount) => cart with { TotalDiscount = discount };

    /// <summary>PRC-9: system discounts, coupon-based included, leave the calculation; manual ones stay.</summary>
    public static Cart RemoveSystemDiscounts(Cart cart) => cart with { SystemDiscountsRemoved = true };

    /// <summary>PRC-10.</summary>
    public static Cart ReapplySystemDiscounts(Cart cart) => cart with { SystemDiscountsRemoved = false };

    /// <summary>PRC-11: by code or barcode; adding a coupon the cart already holds changes nothing.</summary>
    public static Outcome<Cart> AddCoupon(Cart cart, string? code, PriceBook book, DateTimeOffset now)
    {
        var resolved = CartValidation.ResolveCoupon(book, code, now);
        if (resolved.Refusal is { } refusal)
            return refusal;
        var coupon = resolved.Value!;
        var codes = cart.CouponCodes ?? [];
        if (codes.Any(c => book.FindCoupon(c) == coupon))
            return cart;
        return cart with { CouponCodes = [.. codes, coupon.Code] };
    }

    /// <summary>PRC-12: each code (or barcode) must be one of the cart's coupons.</summary>
    public static Outcome<Cart> RemoveCoupons(Cart cart, IReadOnlyList<string>? codes, PriceBook book)
    {
        if (codes is not { Count: > 0 })
            return Refusal.Invalid("coupon.code_required", "Name the coupons to remove.");
        var left = (cart.CouponCodes ?? []).ToList();
        foreach (var code in codes)
        {
            var coupon = string.IsNullOrWhiteSpace(code) ? null : book.FindCoupon(code);
            var removed = left.RemoveAll(c => string.Equals(c, code, StringComparison.OrdinalIgnoreCase)
                                              || (coupon is not null && book.FindCoupon(c) == coupon));
            if (removed == 0)
                return Refusal.Invalid("coupon.not_in_cart", $"Coupon '{code}' is not in the cart.");
        }
        return cart with { CouponCodes = left };
    }

    /// <summary>
    /// PRC-13: the whole cart is priced again: every price lock goes. What the cashier decided before the lock stays:
    /// a price override, a manual line discount, and the manual total discount (as its percent, or its amount).
    /// </summary>
    public static Cart Recalculate(Cart cart)
    {
        var lines = (cart.Lines ?? []).Select(Unlock).ToList();
        var total = cart.TotalDiscount;
        if (total is null)
        {
            var shares = (cart.Lines ?? []).SelectMany(l => l.PriceLock?.Discounts ?? [])
                .Where(d => d.Type == AppliedDiscountType.ManualTotal).ToList();
            if (shares.Count > 0)
                total = shares.Select(s => s.Percent).Distinct().Count() == 1 && shares[0].Percent is { } percent
                    ? new ManualDiscount(Percent: percent)
                    : new ManualDiscount(Amount: shares.Sum(s => s.Amount));
        }
        return cart with { Lines = lines, TotalDiscount = total };
    }

    /// <summary>PRC-14: when an order is captured every line is locked with its price and discounts as priced now.</summary>
    public static Cart Lock(Cart cart, PricedCart priced)
    {
        var locks = priced.Lines.ToDictionary(l => l.LineId, l => l.Lock, StringComparer.Ordinal);
        return cart with
        {
            Lines = (cart.Lines ?? []).Select(l => l with { PriceLock = locks[l.LineId], PriceOverride = null, LineDiscount = null }).ToList(),
            TotalDiscount = null,
        };
    }

    private static CartLine Unlock(CartLine line)
    {
        if (line.PriceLock is not { } priceLock)
            return line;
        var manual = (priceLock.Discounts ?? []).FirstOrDefault(d => d.Type == AppliedDiscountType.ManualLine);
        return line with
        {
            PriceLock = null,
            PriceOverride = priceLock.Source.Kind == PriceSourceKind.PriceOverride ? priceLock.UnitPrice : line.PriceOverride,
            LineDiscount = manual is null ? line.LineDiscount
                : manual.Percent is { } percent ? new ManualDiscount(Percent: percent)
                : new ManualDiscount(Amount: manual.Amount),
        };
    }

    private static Outcome<Cart> UpdateLine(Cart cart, string lineId, Func<CartLine, CartLine> change)
    {
        var lines = (cart.Lines ?? []).ToList();
        var index = lines.FindIndex(l => l.LineId == lineId);
        if (index < 0)
            return Refusal.NotFound("line.not_found", $"No line '{lineId}' in the cart.");
        if (lines[index].PriceLock is not null)
            return Refusal.Conflict("line.price_locked",
                $"Line '{lineId}' is price locked: recalculate the cart before overriding its price or discounting it (PRC-14).");
        lines[index] = change(lines[index]);
        return cart with { Lines = lines };
    }
}
