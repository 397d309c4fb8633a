using System.Globalization;
using OmniChannel.Pricing.Engine.Model;

namespace OmniChannel.Pricing.Features.Carts;

/// <summary>
/// A priced cart as terminals read it: the engine's answer, each line with a plain-language explanation. Lines leave
/// out their price lock (the terminal gets locked lines from <c>POST /api/pricing/carts/lock</c>; gRPC carries it).
/// </summary>
public sealed record PricedCartView(
    string StoreId,
    string? CustomerId,
    string Currency,
    IReadOnlyList<PricedLineView> Lines,
    decimal GrossAmount,
    decimal DiscountAmount,
    decimal NetAmount,
    IReadOnlyList<string> AppliedCouponCodes,
    IReadOnlyList<string> UnusedCouponCodes,
    bool SystemDiscountsRemoved,
    bool BestPriceExact)
{
    public static PricedCartView From(PricedCart cart) => new(cart.StoreId, cart.CustomerId, cart.Currency,
        cart.Lines.Select(l => PricedLineView.From(l, cart.Currency)).ToList(), cart.GrossAmount, cart.DiscountAmount, cart.NetAmount,
        cart.AppliedCouponCodes, cart.UnusedCouponCodes, cart.SystemDiscountsRemoved, cart.BestPriceExact);
}

public sealed record PricedLineView(
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
    IReadOnlyList<string> Explanation)
{
    public static PricedLineView From(PricedLine line, string currency) => new(line.LineId, line.Sku, line.Quantity, line.IsReturn,
        line.UnitPrice, line.PriceSource, line.GrossAmount, line.DiscountAmount, line.Discounts, line.NetAmount, line.Locked,
        Explain(line, currency));

    private static IReadOnlyList<string> Explain(PricedLine line, string currency)
    {
        var text = new List<string>();
        if (line.Locked)
            text.Add("Price locked when the order was captured: price and discounts kept until a recalculate (PRC-14).");
        text.Add($"{Money(line.UnitPrice)} {currency} each, " + line.PriceSource switch
        {
            { Kind: PriceSourceKind.TradeAgreement } s => $"trade agreement {s.TradeAgreementId} of price group {s.PriceGroup}.",
            { Kind: PriceSourceKind.PriceOverride } => "price override by the cashier (PRC-4).",
            _ => "base price.",
        });
        if (line.IsReturn)
            text.Add("Return: amounts are negative; system discounts do not apply.");
        foreach (var d in line.Discounts)
            text.Add($"{Money(-Math.Abs(d.Amount))} {d.Name}: " + d.Type switch
            {
                AppliedDiscountType.ManualLine => d.Percent is { } p ? $"manual line discount of {p}%." : "manual line discount.",
                AppliedDiscountType.ManualTotal => d.Percent is { } p ? $"share of a manual total discount of {p}%." : "share of a manual total discount.",
                _ => $"{Describe(d.Type)}, {Describe(d.Mode)}, priority {d.Priority}" + (d.CouponCode is { } c ? $", coupon {c}." : "."),
            });
        return text;
    }

    private static string Money(decimal amount) => amount.ToString("0.00##", CultureInfo.InvariantCulture);

    private static string Describe(AppliedDiscountType type) => type switch
    {
        AppliedDiscountType.Quantity => "quantity discount",
        AppliedDiscountType.MixAndMatch => "mix-and-match deal",
        AppliedDiscountType.Threshold => "threshold discount",
        _ => "discount",
    };

    private static string Describe(ConcurrencyMode mode) => mode switch
    {
        ConcurrencyMode.Exclusive => "exclusive",
        ConcurrencyMode.Compound => "compound",
        _ => "best price",
    };
}
