using Marten;
using OmniChannel.Pricing.Engine;
using OmniChannel.Pricing.Engine.Model;
using OmniChannel.Pricing.Features.MasterData;
using OmniChannel.Pricing.Features.Products;

namespace OmniChannel.Pricing.Features.Carts;

/// <summary>The I/O around the engine: the current price book, the cart's products (read fresh), and now.</summary>
public sealed class CartPricer(PriceBookProvider books, IQuerySession session, TimeProvider clock)
{
    public sealed record Inputs(PriceBook Book, IReadOnlyDictionary<string, Product> Products, DateTimeOffset Now);

    public async Task<Inputs> InputsAsync(Cart cart, CancellationToken ct)
    {
        var book = await books.CurrentAsync(ct);
        var skus = (cart.Lines ?? []).Where(l => !string.IsNullOrWhiteSpace(l?.Sku)).Select(l => l.Sku).Distinct().ToArray();
        var prices = skus.Length == 0 ? [] : await session.LoadManyAsync<ProductPrice>(ct, skus);
        var products = prices.ToDictionary(p => p.Sku,
            p => new Product(p.Sku, p.Name, p.BasePrice, p.Currency, p.PriceOverrideAllowed, p.Discountable), StringComparer.Ordinal);
        return new Inputs(book, products, clock.GetUtcNow());
    }

    public async Task<Outcome<PricedCart>> PriceAsync(Cart cart, CancellationToken ct)
    {
        var inputs = await InputsAsync(cart, ct);
        return PricingEngine.Price(cart, inputs.Book, inputs.Products, inputs.Now);
    }
}
