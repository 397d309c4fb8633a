using OmniChannel.Pricing.Engine.Model;

namespace OmniChannel.Pricing.Engine.Calculation;

/// <summary>A cart line with its unit price (PRC-1): fixed once the line stage has run.</summary>
internal sealed class LinePrice(int index, CartLine line, Product product, decimal unitPrice, PriceSource source)
{
    public int Index { get; } = index;
    public CartLine Line { get; } = line;
    public Product Product { get; } = product;
    public decimal UnitPrice { get; } = unitPrice;
    public PriceSource Source { get; } = source;
    public int Quantity => Line.Quantity;
    public bool Locked => Line.PriceLock is not null;
    public bool IsReturn => Line.IsReturn;
    public decimal Gross => UnitPrice * Quantity;

    /// <summary>Takes system discounts: unlocked, a sale, a discountable product.</summary>
    public bool Eligible { get; } = line.PriceLock is null && !line.IsReturn && product.Discountable;
}

/// <summary>The line stage: each line's price (lock, override, trade agreement, base price) and its opening tally.</summary>
internal static class LineStage
{
    /// <summary>Indexed like the cart's lines; never changed after this returns.</summary>
    public static LinePrice[] Prices(CartContext context, PriceBook book, DateTimeOffset now)
    {
        var cartLines = context.Cart.Lines ?? [];
        var lines = new LinePrice[cartLines.Count];
        for (var i = 0; i < lines.Length; i++)
        {
            var (line, product) = (cartLines[i], context.Products[i]);
            var (price, source) = line.PriceLock is { } priceLock ? (priceLock.UnitPrice, priceLock.Source)
                : line.PriceOverride is { } over ? (over, PriceSource.Override)
                : PriceResolution.Resolve(product, context.PriceGroups, book, context.Store.Currency, now);
            lines[i] = new LinePrice(i, line, product, price, source);
        }
        return lines;
    }

    /// <summary>Every eligible unit open to system discounts, nothing discounted yet.</summary>
    public static Tallies Opening(LinePrice[] lines)
    {
        var tallies = new LineTally[lines.Length];
        for (var i = 0; i < lines.Length; i++)
            tallies[i] = new LineTally(lines[i].Eligible ? lines[i].Quantity : 0, 0, 0, null);
        return new Tallies(tallies);
    }
}
