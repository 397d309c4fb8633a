using OmniChannel.Pricing.Engine.Model;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.Pricing.Engine;

/// <summary>A cart that passed validation, with what it refers to resolved.</summary>
internal sealed record CartContext(
    Cart Cart,
    Store Store,
    CurrencyRule Currency,
    PermissionGroup? PermissionGroup,
    IReadOnlyList<PriceGroupLink> PriceGroups,
    Product[] Products,
    IReadOnlyList<Coupon> Coupons);

/// <summary>
/// Everything that can be wrong with a cart, checked before anything is priced: a refused cart gets one stable code
/// (the first problem, in line order) and nothing else happens.
/// </summary>
internal static class CartValidation
{
    public const int MaxLines = 500;
    public const int MaxQuantity = 100_000;

    public static Outcome<CartContext> Validate(Cart cart, PriceBook book, IReadOnlyDictionary<string, Product> products, DateTimeOffset now,
        string? permissionGroupId = null)
    {
        if (string.IsNullOrWhiteSpace(cart.StoreId))
            return Refusal.Invalid("cart.store_required", "The cart needs a storeId.");
        if (book.FindStore(cart.StoreId) is not { } store)
            return Refusal.NotFound("store.not_found", $"No store '{cart.StoreId}'.");
        var currency = CurrencyRule.For(store.Currency);

        // The group comes from the caller's token: one the price book does not know is a mismatch of identity and master
        // data, refused as the caller's rights rather than priced without caps.
        PermissionGroup? permissionGroup = null;
        if (!string.IsNullOrWhiteSpace(permissionGroupId)
            && (permissionGroup = book.FindPermissionGroup(permissionGroupId)) is null)
            return Refusal.Forbidden("permission_group.not_found", $"The caller's permission group '{permissionGroupId}' is not in the price book.");

        var lines = cart.Lines ?? [];
        if (lines.Count > MaxLines)
            return Refusal.Invalid("cart.too_many_lines", $"A cart holds at most {MaxLines} lines.");
        var resolved = new Product[lines.Count];
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line is null || string.IsNullOrWhiteSpace(line.LineId))
                return Refusal.Invalid("line.id_required", $"Line {i + 1} needs a lineId.");
            if (!ids.Add(line.LineId))
                return Refusal.Invalid("line.id_duplicate", $"Line id '{line.LineId}' is used twice.");
            if (string.IsNullOrWhiteSpace(line.Sku))
                return Refusal.Invalid("line.sku_required", $"Line '{line.LineId}' needs a sku.");
            if (line.Quantity is <= 0 or > MaxQuantity)
                return Refusal.Invalid("line.quantity_invalid",
                    $"Line '{line.LineId}': quantity must be between 1 and {MaxQuantity} (a return is a positive quantity with isReturn).");
            if (!products.TryGetValue(line.Sku, out var product))
                return Refusal.NotFound("product.not_found", $"No price for SKU '{line.Sku}' (line '{line.LineId}').");
            if (!string.Equals(product.Currency, store.Currency, StringComparison.OrdinalIgnoreCase))
                return Refusal.Invalid("product.currency_mismatch",
                    $"SKU '{line.Sku}' is priced in {product.Currency}, store '{store.Id}' sells in {store.Currency}.");
            resolved[i] = product;
            if (ValidateLine(line, product, currency, permissionGroup) is { } refusal)
                return refusal;
        }

        var coupons = new List<Coupon>();
        foreach (var code in cart.CouponCodes ?? [])
        {
            if (ResolveCoupon(book, code, now) is { Refusal: { } refusal })
                return refusal;
            var coupon = book.FindCoupon(code)!;
            if (!coupons.Contains(coupon))
                coupons.Add(coupon);
        }

        if (cart.TotalDiscount is { } total && ValidateTotalDiscount(total, lines, currency, permissionGroup) is { } totalRefusal)
            return totalRefusal;

        return new CartContext(cart, store, currency, permissionGroup, book.CartGroups(store.Id, cart.CustomerId), resolved, coupons);
    }

    /// <summary>PRC-11: a code or barcode, typed or scanned, must name a coupon valid now.</summary>
    public static Outcome<Coupon> ResolveCoupon(PriceBook book, string? code, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(code))
            return Refusal.Invalid("coupon.code_required", "A coupon code or barcode is empty.");
        if (book.FindCoupon(code) is not { } coupon)
            return Refusal.NotFound("coupon.not_found", $"No coupon '{code}'.");
        if (coupon.ValidTo is { } to && now >= to)
            return Refusal.Conflict("coupon.expired", $"Coupon '{code}' expired on {to:yyyy-MM-dd}.");
        if (coupon.ValidFrom is { } from && now < from)
            return Refusal.Conflict("coupon.not_yet_valid", $"Coupon '{code}' is valid from {from:yyyy-MM-dd}.");
        return coupon;
    }

    private static Refusal? ValidateLine(CartLine line, Product product, CurrencyRule currency, PermissionGroup? group)
    {
        if (line.PriceLock is { } priceLock)
        {
            if (priceLock.UnitPrice < 0 || priceLock.Quantity <= 0 || priceLock.Source is null
                || (priceLock.Discounts ?? []).Any(d => d is null || d.Amount < 0))
                return Refusal.Invalid("price_lock.invalid", $"Line '{line.LineId}': the price lock is malformed.");
            if (line.PriceOverride is not null || line.LineDiscount is not null)
                return Refusal.Conflict("line.price_locked",
                    $"Line '{line.LineId}' is price locked: recalculate the cart before overriding its price or discounting it (PRC-14).");
        }

        if (line.PriceOverride is { } price)
        {
            if (price < 0 || !currency.IsWhole(price))
                return Refusal.Invalid("price_override.invalid", $"Line '{line.LineId}': a price override must be a non-negative {currency.Code} amount.");
            if (!product.PriceOverrideAllowed)
                return Refusal.NotPermitted("price_override.not_allowed", $"SKU '{product.Sku}' does not allow a price override (PRC-4).");
            if (group is null)
                return NoManualRights("A price override");
            if (!group.AllowPriceOverride)
                return Refusal.Forbidden("price_override.not_permitted", $"Permission group '{group.Id}' may not override prices.");
        }

        if (line.LineDiscount is { } discount)
        {
            if (line.IsReturn)
                return Refusal.Invalid("line_discount.return_line", $"Line '{line.LineId}' is a return: it takes no discount.");
            if (!product.Discountable)
                return Refusal.Invalid("line_discount.not_discountable", $"SKU '{product.Sku}' is not discountable (PRC-5/6).");
            if (ValidateManual(discount, currency, "line_discount") is { } invalid)
                return invalid;
            if (group is null)
                return NoManualRights("A manual discount");
            if (discount.Percent is { } percent && percent > group.MaxLineDiscountPercent)
                return Refusal.Forbidden("line_discount.over_cap",
                    $"A line discount of {percent}% is over the {group.MaxLineDiscountPercent}% cap of '{group.Id}' (PRC-6).");
            if (discount.Amount is { } amount && amount > group.MaxLineDiscountAmount)
                return Refusal.Forbidden("line_discount.over_cap",
                    $"A line discount of {amount} is over the {group.MaxLineDiscountAmount} cap of '{group.Id}' (PRC-5).");
        }
        return null;
    }

    private static Refusal? ValidateTotalDiscount(ManualDiscount discount, IReadOnlyList<CartLine> lines, CurrencyRule currency, PermissionGroup? group)
    {
        if (ValidateManual(discount, currency, "total_discount") is { } invalid)
            return invalid;
        if (lines.Any(l => l.IsReturn) && lines.Any(l => !l.IsReturn))
            return Refusal.Conflict("total_discount.mixed_cart", "A total discount is not allowed on a cart that mixes sales and returns (PRC-7/8).");
        if (group is null)
            return NoManualRights("A manual discount");
        if (discount.Percent is { } percent && percent > group.MaxTotalDiscountPercent)
            return Refusal.Forbidden("total_discount.over_cap",
                $"A total discount of {percent}% is over the {group.MaxTotalDiscountPercent}% cap of '{group.Id}' (PRC-8).");
        if (discount.Amount is { } amount && amount > group.MaxTotalDiscountAmount)
            return Refusal.Forbidden("total_discount.over_cap",
                $"A total discount of {amount} is over the {group.MaxTotalDiscountAmount} cap of '{group.Id}' (PRC-7).");
        return null;
    }

    /// <summary>A terminal without a signed-in cashier, a storefront or a service has no permission group, hence no manual rights.</summary>
    private static Refusal NoManualRights(string what) =>
        Refusal.Forbidden("permission_group.required", $"{what} needs a cashier signed in on the terminal: their permission group sets the caps.");

    private static Refusal? ValidateManual(ManualDiscount discount, CurrencyRule currency, string prefix) => discount switch
    {
        { Amount: null, Percent: null } or { Amount: not null, Percent: not null } =>
            Refusal.Invalid($"{prefix}.invalid", "A manual discount needs exactly one of amount or percent."),
        { Percent: <= 0 or > 100 } => Refusal.Invalid($"{prefix}.invalid", "A discount percent must be in (0, 100]."),
        { Amount: { } amount } when amount <= 0 || !currency.IsWhole(amount) =>
            Refusal.Invalid($"{prefix}.invalid", $"A discount amount must be a positive {currency.Code} amount."),
        _ => null,
    };
}
