using OmniChannel.Pricing.Engine.Model;

namespace OmniChannel.Pricing.Engine.Calculation;

/// <summary>
/// The discounts that may apply to this cart: active now, in one of the cart's price groups, touching an eligible
/// line, and unlocked by a coupon of the cart when they need one; highest priority first. With each, the eligible
/// lines it applies to, found once so that later stages need no SKU lookups. Never changed after <see cref="Find"/>.
/// </summary>
internal sealed class CandidateDiscounts
{
    private readonly LinePrice[] appliesTo; // lines of discount i: appliesTo[appliesFrom[i] .. appliesFrom[i + 1])
    private readonly int[] appliesFrom;
    private readonly CompiledDiscount[][] ofLine;
    private readonly LineAmount?[] shown;

    private CandidateDiscounts(List<CompiledDiscount> lineDiscounts, List<CompiledDiscount> thresholds, LinePrice[] appliesTo,
        int[] appliesFrom, CompiledDiscount[][] ofLine, LineAmount?[] shown)
    {
        (LineDiscounts, Thresholds) = (lineDiscounts, thresholds);
        (this.appliesTo, this.appliesFrom, this.ofLine, this.shown) = (appliesTo, appliesFrom, ofLine, shown);
    }

    /// <summary>Simple, quantity and mix-and-match candidates, highest priority first.</summary>
    public IReadOnlyList<CompiledDiscount> LineDiscounts { get; }

    public IReadOnlyList<CompiledDiscount> Thresholds { get; }

    /// <summary>The eligible lines the discount applies to, in cart order.</summary>
    public ArraySegment<LinePrice> LinesOf(CompiledDiscount d) =>
        new(appliesTo, appliesFrom[d.Index], appliesFrom[d.Index + 1] - appliesFrom[d.Index]);

    /// <summary>The line's own simple, quantity and mix-and-match candidates, highest priority first.</summary>
    public CompiledDiscount[] OfLine(int line) => ofLine[line];

    /// <summary>How the discount shows on a line, with the cart's coupon that unlocked it.</summary>
    public LineAmount Shown(CompiledDiscount d) => shown[d.Index]!;

    public static CandidateDiscounts Find(CartContext context, PriceBook book, DateTimeOffset now, LinePrice[] lines)
    {
        var count = book.Discounts.Count;
        var state = new byte[count]; // 0 not looked at, 1 a candidate of this cart, 2 not
        var shown = new LineAmount?[count];
        var cartGroups = new bool[book.PriceGroupCount];
        foreach (var link in context.PriceGroups)
            if (book.PriceGroupId(link.PriceGroup) is >= 0 and var id)
                cartGroups[id] = true;

        var appliesFrom = new int[count + 1];
        ForEachPair((index, _) => appliesFrom[index + 1]++);
        for (var i = 0; i < count; i++)
            appliesFrom[i + 1] += appliesFrom[i];
        var appliesTo = new LinePrice[appliesFrom[^1]];
        var filled = (int[])appliesFrom.Clone();
        ForEachPair((index, line) => appliesTo[filled[index]++] = line);

        var lineDiscounts = new List<CompiledDiscount>();
        var thresholds = new List<CompiledDiscount>();
        for (var index = 0; index < count; index++) // the book's order: highest priority first
            if (state[index] == 1)
                (book.Discounts[index].Type == DiscountType.Threshold ? thresholds : lineDiscounts).Add(book.Discounts[index]);
        var ofLine = new CompiledDiscount[lines.Length][];
        foreach (var line in lines)
            ofLine[line.Index] = line.Eligible ? OwnCandidates(line) : [];
        return new CandidateDiscounts(lineDiscounts, thresholds, appliesTo, appliesFrom, ofLine, shown);

        // Every (candidate discount, eligible line it applies to), in cart order.
        void ForEachPair(Action<int, LinePrice> pair)
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
                string? coupon = null;
                var candidate = discount.IsActive(now) && InCartGroups(discount) && Unlocked(discount, out coupon);
                state[index] = candidate ? (byte)1 : (byte)2;
                if (candidate)
                    shown[index] = coupon is null ? discount.Shown : discount.Shown with { CouponCode = coupon };
            }
            return state[index] == 1;
        }

        bool InCartGroups(CompiledDiscount discount)
        {
            foreach (var id in discount.PriceGroupIds)
                if (cartGroups[id])
                    return true;
            return false;
        }

        bool Unlocked(CompiledDiscount discount, out string? coupon)
        {
            coupon = null;
            if (!discount.RequiresCoupon)
                return true;
            foreach (var c in context.Coupons)
                if (Array.IndexOf(discount.Coupons, c) >= 0)
                {
                    coupon = c.Code;
                    return true;
                }
            return false;
        }

        CompiledDiscount[] OwnCandidates(LinePrice line)
        {
            var indexes = book.DiscountsFor(line.Product.Sku); // highest priority first
            var n = 0;
            foreach (var index in indexes)
                if (IsOwn(index))
                    n++;
            var own = new CompiledDiscount[n];
            n = 0;
            foreach (var index in indexes)
                if (IsOwn(index))
                    own[n++] = book.Discounts[index];
            return own;
        }

        bool IsOwn(int index) => state[index] == 1 && book.Discounts[index].Type != DiscountType.Threshold;
    }
}
