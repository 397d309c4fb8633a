using OmniChannel.Pricing.Engine.Calculation;
using OmniChannel.Pricing.Engine.Model;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.Pricing.Engine;

/// <summary>
/// Prices a cart: pure, no I/O, deterministic. The same cart, price book, products and moment give the same answer.
/// Order of work: validation (a refusal changes nothing), prices (lock, override, trade agreement, base price),
/// system discounts by priority (exclusive, then best price and compound), threshold discounts, manual line
/// discounts, the manual total discount, rounding per line. See Engine/README.md.
/// </summary>
public static class PricingEngine
{
    /// <param name="permissionGroup">
    /// The acting cashier's permission group, from their token, never from the cart: its caps bound every manual discount
    /// and price override. Null (a terminal without a cashier, a storefront, a service) allows none.
    /// </param>
    public static Outcome<PricedCart> Price(Cart cart, PriceBook book, IReadOnlyDictionary<string, Product> products,
        DateTimeOffset now, SearchLimits? limits = null, string? permissionGroup = null)
    {
        var validated = CartValidation.Validate(cart, book, products, now, permissionGroup);
        if (validated.Refusal is { } refusal)
            return refusal;
        return CartPipeline.Run(validated.Value!, book, now, limits ?? SearchLimits.Default);
    }
}
