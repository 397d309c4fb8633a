namespace OmniChannel.Pricing.Engine.Model;

public enum PriceSourceKind { BasePrice, TradeAgreement, PriceOverride }

public sealed record PriceSource(PriceSourceKind Kind, string? PriceGroup = null, string? TradeAgreementId = null)
{
    public static readonly PriceSource BasePrice = new(PriceSourceKind.BasePrice);
    public static readonly PriceSource Override = new(PriceSourceKind.PriceOverride);
}

public enum AppliedDiscountType { Simple, Quantity, MixAndMatch, Threshold, ManualLine, ManualTotal }

/// <summary>One discount on one line: what it took off this line (rounded per the currency), and why.</summary>
public sealed record AppliedDiscount(
    string DiscountId,
    string Name,
    decimal Amount,
    AppliedDiscountType Type,
    ConcurrencyMode Mode,
    int Priority = 0,
    string? CouponCode = null,
    decimal? Percent = null)
{
    public const string ManualLineId = "manual-line";
    public const string ManualTotalId = "manual-total";
}

/// <summary>
/// A priced line. Amounts: <c>GrossAmount = UnitPrice × Quantity</c>, <c>NetAmount = GrossAmount − DiscountAmount</c>,
/// <c>DiscountAmount = Σ Discounts.Amount</c>; all negative on a return line.
/// <see cref="Lock"/> is what to keep on the line when its order is captured (PRC-14).
/// </summary>
public sealed record PricedLine(
    string LineId,
    string Sku,
    int Quantity,
    bool IsReturn,
    decimal UnitPrice,
    PriceSource PriceSource,
    decimal GrossAmount,
    decimal DiscountAmount,
    IReadOnlyList<AppliedDiscount> Discounts,
    decimal NetAmount,
    bool Locked,
    PriceLock Lock);

/// <summary>A priced cart: every total is the sum of its lines.</summary>
public sealed record PricedCart(
    string StoreId,
    string? CustomerId,
    string Currency,
    IReadOnlyList<PricedLine> Lines,
    decimal GrossAmount,
    decimal DiscountAmount,
    decimal NetAmount,
    IReadOnlyList<string> AppliedCouponCodes,
    IReadOnlyList<string> UnusedCouponCodes,
    bool SystemDiscountsRemoved,
    bool BestPriceExact);
