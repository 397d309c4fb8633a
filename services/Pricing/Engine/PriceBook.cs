using System.Collections.Frozen;
using OmniChannel.Pricing.Engine.Calculation;
using OmniChannel.Pricing.Engine.Model;

namespace OmniChannel.Pricing.Engine;

/// <summary>Where a price group reaches a cart from (PRC-2).</summary>
public enum PriceGroupSource { Store, Catalog, Affiliation, LoyaltyProgram }

public sealed record PriceGroupLink(string PriceGroup, PriceGroupSource Source, string SourceId, string SourceName);

/// <summary>
/// Pricing's master data compiled for the engine: immutable, indexed by SKU, code and id, built once and shared by
/// every pricing call until the master data changes. Invalid discounts are left out and listed in <see cref="Rejected"/>.
/// </summary>
public sealed class PriceBook
{
    private readonly FrozenDictionary<string, Store> stores;
    private readonly FrozenDictionary<string, TradeAgreement[]> agreementsBySku;
    private readonly FrozenDictionary<string, int[]> discountsBySku;
    private readonly FrozenDictionary<string, Coupon> couponsByCode;
    private readonly FrozenDictionary<string, Coupon[]> couponsByDiscount;
    private readonly FrozenDictionary<string, PermissionGroup> permissionGroups;
    private readonly FrozenDictionary<string, PriceGroupLink[]> storeGroups;
    private readonly FrozenDictionary<string, PriceGroupLink[]> customerGroups;
    private readonly FrozenDictionary<string, CompiledDiscount> discountsById;
    private readonly FrozenDictionary<string, int> priceGroupIds;

    private PriceBook(MasterData data)
    {
        Data = data;
        stores = data.Stores.ToFrozenDictionary(s => s.Id, StringComparer.Ordinal);
        agreementsBySku = data.TradeAgreements.GroupBy(a => a.Sku, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderBy(a => a.Price).ThenBy(a => a.Id, StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        permissionGroups = data.PermissionGroups.ToFrozenDictionary(p => p.Id, StringComparer.OrdinalIgnoreCase);

        couponsByCode = data.Coupons
            .SelectMany(c => new[] { c.Code, c.Barcode }.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => (Key: k!.Trim(), Coupon: c)))
            .DistinctBy(x => x.Key, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(x => x.Key, x => x.Coupon, StringComparer.OrdinalIgnoreCase);
        couponsByDiscount = data.Coupons.SelectMany(c => c.DiscountIds.Select(id => (Id: id, Coupon: c)))
            .GroupBy(x => x.Id, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.Coupon).ToArray(), StringComparer.Ordinal);

        priceGroupIds = data.Stores.Select(x => x.PriceGroup)
            .Concat(data.Catalogs.SelectMany(c => c.PriceGroups))
            .Concat(data.Affiliations.Select(a => a.PriceGroup)).Concat(data.LoyaltyPrograms.Select(l => l.PriceGroup))
            .Concat(data.Discounts.SelectMany(d => d.PriceGroups ?? []))
            .Distinct(StringComparer.Ordinal).Select((g, i) => (g, i))
            .ToFrozenDictionary(x => x.g, x => x.i, StringComparer.Ordinal);
        var rejected = new List<(string, string)>();
        var discounts = new List<CompiledDiscount>();
        // Indexed highest priority first (then by id): index order is the order the engine applies them in.
        foreach (var definition in data.Discounts.OrderByDescending(d => d.Priority).ThenBy(d => d.Id, StringComparer.Ordinal))
        {
            if (DiscountRules.Validate(definition) is { } refusal)
            {
                rejected.Add((definition.Id, refusal.Detail));
                continue;
            }
            discounts.Add(new CompiledDiscount(definition, discounts.Count,
                couponsByDiscount.TryGetValue(definition.Id, out var coupons) ? coupons : [],
                definition.PriceGroups.Select(g => priceGroupIds[g]).ToArray()));
        }
        Discounts = discounts;
        discountsById = discounts.ToFrozenDictionary(d => d.Id, StringComparer.Ordinal);
        Rejected = rejected;
        discountsBySku = discounts.SelectMany(d => d.AllSkus.Select(sku => (Sku: sku, d.Index)))
            .GroupBy(x => x.Sku, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.Index).Distinct().Order().ToArray(), StringComparer.Ordinal);
        DiscountsForAllProducts = discounts.Where(d => d.AllProducts).Select(d => d.Index).ToArray();

        storeGroups = data.Stores.ToFrozenDictionary(s => s.Id, s =>
            new[] { new PriceGroupLink(s.PriceGroup, PriceGroupSource.Store, s.Id, s.Id) }
                .Concat(data.Catalogs.Where(c => c.StoreIds.Contains(s.Id))
                    .SelectMany(c => c.PriceGroups.Select(g => new PriceGroupLink(g, PriceGroupSource.Catalog, c.Id, c.Name))))
                .ToArray(), StringComparer.Ordinal);
        MembershipGroups = data.Affiliations.Select(a => new PriceGroupLink(a.PriceGroup, PriceGroupSource.Affiliation, a.Id, a.Name))
            .Concat(data.LoyaltyPrograms.Select(l => new PriceGroupLink(l.PriceGroup, PriceGroupSource.LoyaltyProgram, l.Id, l.Name)))
            .ToArray();
        customerGroups = data.Affiliations.SelectMany(a => a.CustomerIds.Select(c => (Customer: c, Link: new PriceGroupLink(a.PriceGroup, PriceGroupSource.Affiliation, a.Id, a.Name))))
            .Concat(data.LoyaltyPrograms.SelectMany(l => l.CustomerIds.Select(c => (Customer: c, Link: new PriceGroupLink(l.PriceGroup, PriceGroupSource.LoyaltyProgram, l.Id, l.Name)))))
            .GroupBy(x => x.Customer, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.Link).ToArray(), StringComparer.Ordinal);
    }

    public static readonly PriceBook Empty = Compile(MasterData.Empty);

    public static PriceBook Compile(MasterData data) => new(data);

    public MasterData Data { get; }

    /// <summary>Discount ids left out because their definition is invalid, with the reason.</summary>
    public IReadOnlyList<(string DiscountId, string Reason)> Rejected { get; }

    internal IReadOnlyList<CompiledDiscount> Discounts { get; }

    internal int[] DiscountsForAllProducts { get; }

    /// <summary>Every price group mapped to an affiliation or a loyalty program, whoever the customer.</summary>
    public IReadOnlyList<PriceGroupLink> MembershipGroups { get; }

    public Store? FindStore(string storeId) => stores.GetValueOrDefault(storeId);

    public PermissionGroup? FindPermissionGroup(string id) => permissionGroups.GetValueOrDefault(id);

    /// <summary>A coupon by its code or its barcode (case-insensitive).</summary>
    public Coupon? FindCoupon(string codeOrBarcode) => couponsByCode.GetValueOrDefault(codeOrBarcode.Trim());

    public IReadOnlyList<Coupon> CouponsOf(string discountId) => couponsByDiscount.GetValueOrDefault(discountId) ?? [];

    internal CompiledDiscount? FindDiscount(string id) => discountsById.GetValueOrDefault(id);

    internal ReadOnlySpan<int> DiscountsFor(string sku) => discountsBySku.TryGetValue(sku, out var indexes) ? indexes : [];

    internal ReadOnlySpan<TradeAgreement> AgreementsFor(string sku) => agreementsBySku.TryGetValue(sku, out var agreements) ? agreements : [];

    /// <summary>The store's own price group and those of its catalogs.</summary>
    public IReadOnlyList<PriceGroupLink> StoreGroups(string storeId) => storeGroups.GetValueOrDefault(storeId) ?? [];

    /// <summary>The price groups of the customer's affiliations and loyalty programs.</summary>
    public IReadOnlyList<PriceGroupLink> CustomerGroups(string? customerId) =>
        customerId is null ? [] : customerGroups.GetValueOrDefault(customerId) ?? [];

    /// <summary>The number given to a price group in this book, or -1 when no discount or store knows it.</summary>
    internal int PriceGroupId(string priceGroup) => priceGroupIds.GetValueOrDefault(priceGroup, -1);

    internal int PriceGroupCount => priceGroupIds.Count;

    /// <summary>Every price group that prices a cart of this store for this customer.</summary>
    public IReadOnlyList<PriceGroupLink> CartGroups(string storeId, string? customerId) =>
        [.. StoreGroups(storeId), .. CustomerGroups(customerId)];
}

/// <summary>A valid discount with its lookups prepared.</summary>
internal sealed class CompiledDiscount
{
    public CompiledDiscount(Discount definition, int index, Coupon[] coupons, int[] priceGroupIds)
    {
        PriceGroupIds = priceGroupIds;
        Definition = definition;
        Index = index;
        Coupons = coupons;
        PriceGroups = definition.PriceGroups.ToFrozenSet(StringComparer.Ordinal);
        Skus = definition.Skus.ToFrozenSet(StringComparer.Ordinal);
        AllProducts = definition.Type == DiscountType.Threshold && definition.Skus.Count == 0;
        GroupSkus = definition.Groups.Select(g => g.Skus.ToFrozenSet(StringComparer.Ordinal)).ToArray();
        GroupQuantities = definition.Groups.Select(g => g.Quantity).ToArray();
        DealUnits = GroupQuantities.Sum();
        AllSkus = definition.Type == DiscountType.MixAndMatch ? GroupSkus.SelectMany(g => g).Distinct().ToArray() : Skus.ToArray();
        Shown = LineAmount.Of(this);
    }

    public Discount Definition { get; }
    public int Index { get; }
    public Coupon[] Coupons { get; }
    public bool RequiresCoupon => Coupons.Length > 0;
    public FrozenSet<string> PriceGroups { get; }
    public int[] PriceGroupIds { get; }
    public FrozenSet<string> Skus { get; }
    public bool AllProducts { get; }
    public FrozenSet<string>[] GroupSkus { get; }
    public int[] GroupQuantities { get; }
    public int DealUnits { get; }
    public string[] AllSkus { get; }

    /// <summary>How the discount shows on a line when no coupon unlocked it: made once, not per cart.</summary>
    public LineAmount Shown { get; }

    public string Id => Definition.Id;
    public DiscountType Type => Definition.Type;
    public ConcurrencyMode Mode => Definition.Mode;
    public int Priority => Definition.Priority;

    public bool Applies(string sku) => Type == DiscountType.MixAndMatch
        ? Array.Exists(GroupSkus, g => g.Contains(sku))
        : AllProducts || Skus.Contains(sku);

    public bool IsActive(DateTimeOffset now) => Validity.IsActive(Definition.ValidFrom, Definition.ValidTo, now);
}
