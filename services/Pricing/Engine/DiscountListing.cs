using OmniChannel.Pricing.Engine.Model;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.Pricing.Engine;

public sealed record DiscountFilter(string? Search = null, bool? CouponRequired = null);

/// <summary>A discount as "show all discounts" lists it (PRC-2).</summary>
public sealed record ListedDiscount(
    string DiscountId,
    string Name,
    string Description,
    DiscountType Type,
    ConcurrencyMode Mode,
    int Priority,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidTo,
    bool CouponRequired,
    IReadOnlyList<string> CouponCodes,
    IReadOnlyList<PriceGroupLink> ReachedThrough,
    bool CustomerQualifies,
    bool Applied);

public enum Availability { Applied, Applicable, NeedsMore, NeedsCoupon }

public sealed record MissingItems(IReadOnlyList<string> Skus, int Quantity);

/// <summary>A discount as "show available discounts" lists it for a line or the whole cart (PRC-3).</summary>
public sealed record AvailableDiscount(
    string DiscountId,
    string Name,
    DiscountType Type,
    ConcurrencyMode Mode,
    int Priority,
    Availability Status,
    decimal AppliedAmount,
    IReadOnlyList<MissingItems> MissingItems,
    decimal? MissingAmount,
    string? CouponCode,
    string Explanation);

/// <summary>The two discount lists of the POS, as pure queries over the price book and a priced cart.</summary>
public static class DiscountListing
{
    /// <summary>
    /// PRC-2: the discounts active in the store: in the store's price group, one of its catalogs', or one mapped to an
    /// affiliation or loyalty program; coupon ones only with an "apply without code" coupon; searched by name and
    /// description; filtered by coupon required; without those conflicting with what the cart already has applied.
    /// </summary>
    public static Outcome<IReadOnlyList<ListedDiscount>> AllDiscounts(PriceBook book, string storeId, string? customerId,
        PricedCart? cart, DiscountFilter filter, DateTimeOffset now)
    {
        if (book.FindStore(storeId) is null)
            return Refusal.NotFound("store.not_found", $"No store '{storeId}'.");
        IReadOnlyList<PriceGroupLink> reachable = [.. book.StoreGroups(storeId), .. book.MembershipGroups];
        var qualifying = book.CartGroups(storeId, customerId);
        var listed = new List<ListedDiscount>();
        foreach (var d in book.Discounts)
        {
            var definition = d.Definition;
            if (!d.IsActive(now))
                continue;
            var through = reachable.Where(link => d.PriceGroups.Contains(link.PriceGroup)).ToList();
            if (through.Count == 0)
                continue;
            var codes = d.Coupons.Where(c => c.ApplyWithoutCode && Validity.IsActive(c.ValidFrom, c.ValidTo, now)).Select(c => c.Code).ToList();
            if (d.RequiresCoupon && codes.Count == 0)
                continue;
            if (filter.CouponRequired is { } required && required != d.RequiresCoupon)
                continue;
            if (!string.IsNullOrWhiteSpace(filter.Search)
                && !definition.Name.Contains(filter.Search.Trim(), StringComparison.OrdinalIgnoreCase)
                && !definition.Description.Contains(filter.Search.Trim(), StringComparison.OrdinalIgnoreCase))
                continue;
            var applied = cart is not null && AppliedAmount(cart, d.Id, null) != 0;
            if (cart is not null && !applied && Conflicts(book, d, cart))
                continue;
            listed.Add(new ListedDiscount(d.Id, definition.Name, definition.Description, d.Type, d.Mode, d.Priority,
                definition.ValidFrom, definition.ValidTo, d.RequiresCoupon, codes, through,
                through.Any(link => qualifying.Contains(link)), applied));
        }
        return listed.OrderByDescending(l => l.Priority).ThenBy(l => l.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>
    /// A discount conflicts with the cart when a system discount applied to one of the cart lines it could discount
    /// would keep it off that line: either of them is exclusive, or the applied one has a higher priority (discounts
    /// never compound across priorities).
    /// </summary>
    private static bool Conflicts(PriceBook book, CompiledDiscount d, PricedCart cart)
    {
        foreach (var line in cart.Lines)
        {
            if (line.Locked || line.IsReturn || !d.Applies(line.Sku))
                continue;
            foreach (var applied in line.Discounts)
            {
                if (applied.Type is AppliedDiscountType.ManualLine or AppliedDiscountType.ManualTotal || applied.DiscountId == d.Id || book.FindDiscount(applied.DiscountId) is not { } other)
                    continue;
                var samePhase = (other.Type == DiscountType.Threshold) == (d.Type == DiscountType.Threshold);
                if (other.Mode == ConcurrencyMode.Exclusive || d.Mode == ConcurrencyMode.Exclusive
                    || (samePhase && other.Priority > d.Priority))
                    return true;
            }
        }
        return false;
    }

    /// <summary>
    /// PRC-3: the discounts for one line (or the whole cart when <paramref name="lineId"/> is null): those applied,
    /// those applicable (their conditions are met but a better combination won), those needing more in the cart (a
    /// mix-and-match one item short, a quantity tier, a threshold amount), and coupon discounts whose coupon can be
    /// applied without a code from here.
    /// </summary>
    public static Outcome<IReadOnlyList<AvailableDiscount>> Available(Cart cart, PricedCart priced, PriceBook book,
        IReadOnlyDictionary<string, Product> products, string? lineId, DateTimeOffset now)
    {
        var lines = cart.Lines ?? [];
        string? sku = null;
        if (lineId is not null)
        {
            if (lines.FirstOrDefault(l => l.LineId == lineId) is not { } selected)
                return Refusal.NotFound("line.not_found", $"No line '{lineId}' in the cart.");
            sku = selected.Sku;
        }
        var eligible = lines.Where(l => l.PriceLock is null && !l.IsReturn && products.TryGetValue(l.Sku, out var p) && p.Discountable).ToList();
        var nets = priced.Lines.ToDictionary(l => l.LineId, l => l.NetAmount, StringComparer.Ordinal);
        var groups = book.CartGroups(cart.StoreId, cart.CustomerId);
        var cartCoupons = (cart.CouponCodes ?? []).Select(book.FindCoupon).Where(c => c is not null).ToList();

        var available = new List<AvailableDiscount>();
        foreach (var d in book.Discounts)
        {
            if (!d.IsActive(now) || !groups.Any(g => d.PriceGroups.Contains(g.PriceGroup)))
                continue;
            var relevant = sku is not null ? d.Applies(sku) : eligible.Any(l => d.Applies(l.Sku));
            if (!relevant)
                continue;
            string? couponCode = null;
            if (d.RequiresCoupon && !d.Coupons.Any(cartCoupons.Contains))
            {
                couponCode = d.Coupons.FirstOrDefault(c => c.ApplyWithoutCode && Validity.IsActive(c.ValidFrom, c.ValidTo, now))?.Code;
                if (couponCode is null)
                    continue; // a coupon that must be typed or scanned stays secret
            }
            available.Add(Describe(d, priced, eligible, nets, lineId, couponCode));
        }
        return available.OrderBy(a => a.Status).ThenByDescending(a => a.Priority).ThenBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static AvailableDiscount Describe(CompiledDiscount d, PricedCart priced, List<CartLine> eligible,
        Dictionary<string, decimal> nets, string? lineId, string? couponCode)
    {
        var definition = d.Definition;
        var applied = AppliedAmount(priced, d.Id, lineId);
        List<MissingItems> missing = [];
        decimal? missingAmount = null;
        var conditionsMet = true;
        switch (d.Type)
        {
            case DiscountType.Quantity:
            {
                var units = eligible.Where(l => d.Applies(l.Sku)).Sum(l => l.Quantity);
                var next = definition.QuantityTiers.FirstOrDefault(t => t.MinQuantity > units);
                conditionsMet = units >= definition.QuantityTiers[0].MinQuantity;
                if (next is not null)
                    missing.Add(new MissingItems(definition.Skus, next.MinQuantity - units));
                break;
            }
            case DiscountType.MixAndMatch:
                for (var g = 0; g < definition.Groups.Count; g++)
                {
                    var group = definition.Groups[g];
                    var units = eligible.Where(l => d.GroupSkus[g].Contains(l.Sku)).Sum(l => l.Quantity);
                    if (units < group.Quantity)
                        missing.Add(new MissingItems(group.Skus, group.Quantity - units));
                }
                conditionsMet = missing.Count == 0;
                break;
            case DiscountType.Threshold:
            {
                var spent = eligible.Where(l => d.Applies(l.Sku)).Sum(l => nets.GetValueOrDefault(l.LineId));
                var next = definition.ThresholdTiers.FirstOrDefault(t => t.MinAmount > spent);
                conditionsMet = spent >= definition.ThresholdTiers[0].MinAmount;
                if (next is not null)
                    missingAmount = next.MinAmount - spent;
                break;
            }
        }

        var status = couponCode is not null ? Availability.NeedsCoupon
            : applied != 0 ? Availability.Applied
            : conditionsMet ? Availability.Applicable
            : Availability.NeedsMore;
        return new AvailableDiscount(d.Id, definition.Name, d.Type, d.Mode, d.Priority, status, applied, missing, missingAmount,
            couponCode, Explain(definition.Name, status, applied, missing, missingAmount, couponCode));
    }

    private static string Explain(string name, Availability status, decimal applied, List<MissingItems> missing, decimal? missingAmount,
        string? couponCode)
    {
        var more = string.Join(" and ", missing.Select(m => $"{m.Quantity} more of {string.Join(" / ", m.Skus)}"));
        if (missingAmount is { } amount)
            more = $"{amount:0.00} more of eligible items";
        return status switch
        {
            Availability.Applied when more.Length > 0 => $"'{name}' takes {applied:0.00} off; add {more} for the next tier.",
            Availability.Applied => $"'{name}' takes {applied:0.00} off.",
            Availability.Applicable => $"'{name}' could apply, but a better or exclusive combination of discounts is applied.",
            Availability.NeedsMore => $"Add {more} to get '{name}'.",
            _ => $"Apply coupon {couponCode} (no code needed) to get '{name}'.",
        };
    }

    private static decimal AppliedAmount(PricedCart cart, string discountId, string? lineId) =>
        cart.Lines.Where(l => lineId is null || l.LineId == lineId)
            .SelectMany(l => l.Discounts).Where(d => d.DiscountId == discountId).Sum(d => d.Amount);
}
