using OmniChannel.Pricing.Engine.Model;

namespace OmniChannel.Pricing.Engine;

/// <summary>A cart line while its cart is being priced: its price, its units still open to discounts, its exact amounts.</summary>
internal sealed class LineWork(int index, CartLine line, Product product)
{
    public int Index { get; } = index;
    public CartLine Line { get; } = line;
    public Product Product { get; } = product;
    public int Quantity => Line.Quantity;
    public bool Locked => Line.PriceLock is not null;
    public bool IsReturn => Line.IsReturn;

    public decimal UnitPrice { get; set; }
    public PriceSource Source { get; set; } = PriceSource.BasePrice;

    /// <summary>Takes system discounts: unlocked, a sale, a discountable product.</summary>
    public bool Eligible { get; set; }

    /// <summary>Units no system discount has touched yet; lower priorities only see these.</summary>
    public int Open { get; set; }

    /// <summary>Units taken by an exclusive discount: nothing else may touch them, thresholds included.</summary>
    public int ExclusiveUnits { get; set; }

    /// <summary>Exact (unrounded) amounts, one entry per discount, in the order they were applied.</summary>
    public List<(LineAmount Discount, decimal Amount)> Amounts { get; } = [];

    public decimal Gross => UnitPrice * Quantity;

    /// <summary>What the line costs now: gross less every exact amount so far (kept as a running total).</summary>
    public decimal Net => Gross - discounted;

    private decimal discounted;

    public bool HasSystemDiscount => Amounts.Exists(a => !a.Discount.Manual);

    public void Add(LineAmount discount, decimal amount)
    {
        if (amount == 0)
            return;
        discounted += amount;
        for (var i = 0; i < Amounts.Count; i++)
            if (ReferenceEquals(Amounts[i].Discount.Key, discount.Key))
            {
                Amounts[i] = (discount, Amounts[i].Amount + amount);
                return;
            }
        Amounts.Add((discount, amount));
    }
}

/// <summary>A discount as a line shows it. <see cref="Key"/> identifies the discount (its compiled form or a manual marker).</summary>
internal sealed record LineAmount(object Key, string Id, string Name, AppliedDiscountType Type, ConcurrencyMode Mode, int Priority,
    string? CouponCode, decimal? Percent)
{
    public bool Manual => Type is AppliedDiscountType.ManualLine or AppliedDiscountType.ManualTotal;
}
