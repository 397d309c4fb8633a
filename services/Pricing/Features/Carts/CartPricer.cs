using System.Security.Claims;
using Marten;
using OmniChannel.Pricing.Engine;
using OmniChannel.Pricing.Engine.Model;
using OmniChannel.Pricing.Features.MasterData;
using OmniChannel.Pricing.Features.Products;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.Pricing.Features.Carts;

/// <summary>
/// The I/O around the engine: the current price book, the cart's products (read fresh), now, and the caller's
/// permission group: the <c>permission_group</c> claim of their token (<see cref="PlatformPrincipal.PermissionGroup"/>),
/// never a field of the cart; no cashier, no manual rights.
/// </summary>
public sealed class CartPricer(PriceBookProvider books, IQuerySession session, TimeProvider clock, PriceLockSeals seals)
{
    /// <summary>Signs the price locks a cart leaves with, and checks those it comes back with.</summary>
    public PriceLockSeals Seals => seals;

    public sealed record Inputs(PriceBook Book, IReadOnlyDictionary<string, Product> Products, DateTimeOffset Now, string? PermissionGroup)
    {
        public Outcome<PricedCart> Price(Cart cart) => PricingEngine.Price(cart, Book, Products, Now, permissionGroup: PermissionGroup);
    }

    public async Task<Inputs> InputsAsync(Cart cart, ClaimsPrincipal? caller, CancellationToken ct)
    {
        var book = await books.CurrentAsync(ct);
        var skus = (cart.Lines ?? []).Where(l => !string.IsNullOrWhiteSpace(l?.Sku)).Select(l => l.Sku).Distinct().ToArray();
        var prices = skus.Length == 0 ? [] : await session.LoadManyAsync<ProductPrice>(ct, skus);
        var products = prices.ToDictionary(p => p.Sku,
            p => new Product(p.Sku, p.Name, p.BasePrice, p.Currency, p.PriceOverrideAllowed, p.Discountable), StringComparer.Ordinal);
        return new Inputs(book, products, clock.GetUtcNow(), caller?.PermissionGroup());
    }

    public async Task<Outcome<PricedCart>> PriceAsync(Cart cart, ClaimsPrincipal? caller, CancellationToken ct) =>
        (await InputsAsync(cart, caller, ct)).Price(cart);
}
