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
    public static Outcome<PricedCart> Price(Cart cart, PriceBook book, IReadOnlyDictionary<string, Product> products,
        DateTimeOffset now, SearchLimits? limits = null)
    {
        var validated = CartValidation.Validate(cart, book, products, now);
        if (validated.Refusal is { } refusal)
            return refusal;
        return CartPipeline.Run(validated.Value!, book, now, limits ?? SearchLimits.Default);
    }
}
