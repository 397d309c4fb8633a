using OmniChannel.Pricing.Engine.Model;

namespace OmniChannel.Pricing.Engine;

/// <summary>The working state of one pricing call. Inputs are immutable; only this object's own state changes.</summary>
internal sealed partial class CartCalculation
{
    private readonly CartContext context;
    private readonly PriceBook book;
    private readonly DateTimeOffset now;
    private readonly SearchLimits limits;
    private readonly CurrencyRule currency;
    private readonly LineWork[] lines;
    private readonly string?[] couponOf;
    private readonly LineAmount?[] templates;
    private bool exact = true;

    // Per discount index: 0 not looked at, 1 a candidate of this cart, 2 not.
    private byte[] candidateState = [];

    // For each candidate discount, the eligible lines it applies to, in cart order, found once so that later stages
    // need no SKU lookups: lines of discount i are appliesTo[appliesFrom[i] .. appliesFrom[i + 1]).
    private LineWork[] appliesTo = [];
    private int[] appliesFrom = [];

    private readonly bool[] cartGroups;

    public CartCalculation(CartContext context, PriceBook book, DateTimeOffset now, SearchLimits limits)
    {
        this.context = context;
        this.book = book;
        this.now = now;
        this.limits = limits;
        currency = context.Currency;
        var cartLines = context.Cart.Lines ?? [];
        lines = new LineWork[cartLines.Count];
        for (var i = 0; i < lines.Length; i++)
            lines[i] = new LineWork(i, cartLines[i], context.Products[i]);
        couponOf = new string?[book.Discounts.Count];
        templates = new LineAmount?[book.Discounts.Count];
        cartGroups = new bool[book.PriceGroupCount];
        foreach (var link in context.PriceGroups)
            if (book.PriceGroupId(link.PriceGroup) is >= 0 and var id)
                cartGroups[id] = true;
    }

    public Outcome<PricedCart> Run()
    {
        SetPrices();
        if (!context.Cart.SystemDiscountsRemoved)
        {
            var candidates = Candidates();
            ApplyLineDiscounts(candidates.Where(d => d.Type != DiscountType.Threshold).ToList());
            ApplyThresholdDiscounts(candidates.Where(d => d.Type == DiscountType.Threshold).ToList());
        }
        if (ApplyManualDiscounts() is { } refusal)
            return refusal;
        return Build();
    }

    private void SetPrices()
    {
        foreach (var line in lines)
        {
            if (line.Line.PriceLock is { } priceLock)
                (line.UnitPrice, line.Source) = (priceLock.UnitPrice, priceLock.Source);
            else if (line.Line.PriceOverride is { } price)
                (line.UnitPrice, line.Source) = (price, PriceSource.Override);
            else
                (line.UnitPrice, line.Source) = PriceResolution.Resolve(line.Product, context.PriceGroups, book, context.Store.Currency, now);
            line.Eligible = !line.Locked && !line.IsReturn && line.Product.Discountable;
            line.Open = line.Eligible ? line.Quantity : 0;
        }
    }

    /// <summary>Discounts that may apply: active now, in one of the cart's price groups, touching an eligible line,
    /// and unlocked by a coupon of the cart when they need one. Highest priority first.</summary>
    private List<CompiledDiscount> Candidates()
    {
        var state = candidateState = new byte[book.Discounts.Count];
        appliesFrom = new int[book.Discounts.Count + 1];
        ForEachPair((index, _) => appliesFrom[index + 1]++);
        for (var i = 0; i < state.Length; i++)
            appliesFrom[i + 1] += appliesFrom[i];
        appliesTo = new LineWork[appliesFrom[^1]];
        var filled = (int[])appliesFrom.Clone();
        ForEachPair((index, line) => appliesTo[filled[index]++] = line);

        var candidates = new List<CompiledDiscount>();
        for (var index = 0; index < state.Length; index++) // the book's order: highest priority first
            if (state[index] == 1)
                candidates.Add(book.Discounts[index]);
        return candidates;

        // Every (candidate discount, eligible line it applies to), in cart order.
        void ForEachPair(Action<int, LineWork> pair)
        {
            foreach (var line in lines)
            {
                if (!line.Eligible)
                    continue;
                foreach (var index in book.DiscountsFor(line.Product.Sku))
                    if (IsCandidate(index))
                        pair(index, line);
                foreach (var index in book.DiscountsForAllProducts)
                    if (IsCandidate(index))
                        pair(index, line);
            }
        }

        bool IsCandidate(int index)
        {
            if (state[index] == 0)
            {
                var discount = book.Discounts[index];
                state[index] = discount.IsActive(now) && InCartGroups(discount) && Unlocked(discount) ? (byte)1 : (byte)2;
            }
            return state[index] == 1;
        }
    }

    private ArraySegment<LineWork> LinesOf(CompiledDiscount discount) =>
        new(appliesTo, appliesFrom[discount.Index], appliesFrom[discount.Index + 1] - appliesFrom[discount.Index]);

    private bool InCartGroups(CompiledDiscount discount)
    {
        foreach (var id in discount.PriceGroupIds)
            if (cartGroups[id])
                return true;
        return false;
    }

    private bool Unlocked(CompiledDiscount discount)
    {
        if (!discount.RequiresCoupon)
            return true;
        foreach (var coupon in context.Coupons)
            if (Array.IndexOf(discount.Coupons, coupon) >= 0)
            {
                couponOf[discount.Index] = coupon.Code;
                return true;
            }
        return false;
    }

    private LineAmount Template(CompiledDiscount discount) =>
        templates[discount.Index] ??= new LineAmount(discount, discount.Id, discount.Definition.Name,
            TypeOf(discount.Type), discount.Mode, discount.Priority, couponOf[discount.Index], null);

    private static AppliedDiscountType TypeOf(DiscountType type) => type switch
    {
        DiscountType.Simple => AppliedDiscountType.Simple,
        DiscountType.Quantity => AppliedDiscountType.Quantity,
        DiscountType.MixAndMatch => AppliedDiscountType.MixAndMatch,
        _ => AppliedDiscountType.Threshold,
    };

    private PricedCart Build()
    {
        var priced = new PricedLine[lines.Length];
        decimal gross = 0, discount = 0, net = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            priced[i] = BuildLine(lines[i]);
            gross += priced[i].GrossAmount;
            discount += priced[i].DiscountAmount;
            net += priced[i].NetAmount;
        }
        var applied = new List<string>();
        var unused = new List<string>();
        foreach (var coupon in context.Coupons)
            (priced.Any(l => !l.Locked && l.Discounts.Any(d => d.CouponCode == coupon.Code)) ? applied : unused).Add(coupon.Code);
        return new PricedCart(context.Store.Id, context.Cart.CustomerId, context.Store.Currency, priced, gross, discount, net,
            applied, unused, context.Cart.SystemDiscountsRemoved, exact);
    }

    private PricedLine BuildLine(LineWork line)
    {
        var gross = currency.Round(line.UnitPrice * line.Quantity);
        List<AppliedDiscount> discounts;
        if (line.Line.PriceLock is { } priceLock)
            discounts = LockedDiscounts(priceLock, line.Quantity);
        else
        {
            discounts = new List<AppliedDiscount>(line.Amounts.Count);
            foreach (var (a, amount) in line.Amounts)
                if (currency.Round(amount) is var rounded && rounded != 0)
                    discounts.Add(new AppliedDiscount(a.Id, a.Name, rounded, a.Type, a.Mode, a.Priority, a.CouponCode, a.Percent));
        }
        discounts = WithinGross(discounts, gross);
        var discountAmount = discounts.Sum(d => d.Amount);
        var ownLock = line.Line.PriceLock ?? new PriceLock(currency.Round(line.UnitPrice), line.Source, discounts, line.Quantity);
        var sign = line.IsReturn ? -1 : 1;
        if (line.IsReturn)
            discounts = discounts.Select(d => d with { Amount = -d.Amount }).ToList();
        return new PricedLine(line.Line.LineId, line.Line.Sku, line.Quantity, line.IsReturn, currency.Round(line.UnitPrice), line.Source,
            sign * gross, sign * discountAmount, discounts, sign * (gross - discountAmount), line.Locked, ownLock);
    }

    /// <summary>A locked line keeps its discounts; when its quantity changed since it was locked, they scale with it.</summary>
    private List<AppliedDiscount> LockedDiscounts(PriceLock priceLock, int quantity) =>
        (priceLock.Discounts ?? []).Select(d => quantity == priceLock.Quantity
                ? d
                : d with { Amount = currency.Round(d.Amount * quantity / priceLock.Quantity) })
            .ToList();

    /// <summary>Rounding each discount can overshoot the line by a unit: the last discounts give it back.</summary>
    private static List<AppliedDiscount> WithinGross(List<AppliedDiscount> discounts, decimal gross)
    {
        var excess = discounts.Sum(d => d.Amount) - gross;
        for (var i = discounts.Count - 1; i >= 0 && excess > 0; i--)
        {
            var cut = Math.Min(excess, discounts[i].Amount);
            discounts[i] = discounts[i] with { Amount = discounts[i].Amount - cut };
            excess -= cut;
        }
        return discounts;
    }
}
