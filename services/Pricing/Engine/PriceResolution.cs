using OmniChannel.Pricing.Engine.Model;

namespace OmniChannel.Pricing.Engine;

/// <summary>PRC-1: the configured price of a product for a set of price groups at a moment.</summary>
public static class PriceResolution
{
    /// <summary>
    /// The lowest trade agreement valid now in one of the price groups (and the store's currency) wins over the base
    /// price; without one, the product's base price applies.
    /// </summary>
    public static (decimal Price, PriceSource Source) Resolve(Product product, IReadOnlyList<PriceGroupLink> groups,
        PriceBook book, string currency, DateTimeOffset now)
    {
        foreach (var agreement in book.AgreementsFor(product.Sku)) // cheapest first
        {
            if (!string.Equals(agreement.Currency, currency, StringComparison.OrdinalIgnoreCase)
                || !Validity.IsActive(agreement.ValidFrom, agreement.ValidTo, now))
                continue;
            foreach (var group in groups)
                if (string.Equals(group.PriceGroup, agreement.PriceGroup, StringComparison.Ordinal))
                    return (agreement.Price, new PriceSource(PriceSourceKind.TradeAgreement, agreement.PriceGroup, agreement.Id));
        }
        return (product.BasePrice, PriceSource.BasePrice);
    }
}
