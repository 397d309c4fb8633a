using OmniChannel.Pricing.Engine.Model;
using Wire = OmniChannel.Contracts.Pricing;

namespace OmniChannel.Pricing.Features.Grpc;

/// <summary>Between the wire contract (contracts/Pricing/pricing.proto) and the engine's records. Unset optional fields are null.</summary>
internal static class GrpcMapping
{
    /// <summary>The first malformed decimal of a request, if any (nanos out of range or of the other sign than units).</summary>
    public static string? InvalidDecimal(Wire.PriceCartRequest request)
    {
        foreach (var line in request.Lines)
        {
            foreach (var value in new[] { line.PriceOverride, line.LineDiscount?.Amount, line.LineDiscount?.Percent, line.PriceLock?.UnitPrice }
                         .Concat(line.PriceLock?.Discounts.SelectMany(d => new[] { d.Amount, d.Percent }) ?? []))
                if (!IsValid(value))
                    return $"Line '{line.LineId}' has a malformed DecimalValue.";
        }
        return IsValid(request.TotalDiscount?.Amount) && IsValid(request.TotalDiscount?.Percent) ? null : "The total discount has a malformed DecimalValue.";
    }

    private static bool IsValid(Wire.DecimalValue? value) =>
        value is null || (value.Nanos is > -1_000_000_000 and < 1_000_000_000 && (value.Units == 0 || value.Nanos == 0 || (value.Units > 0) == (value.Nanos > 0)));

    public static Cart ToCart(Wire.PriceCartRequest request) => new()
    {
        StoreId = request.StoreId,
        CustomerId = Optional(request.CustomerId),
        Lines = request.Lines.Select(l => new CartLine
        {
            LineId = l.LineId,
            Sku = l.Sku,
            Quantity = l.Quantity,
            IsReturn = l.IsReturn,
            PriceOverride = l.PriceOverride?.ToDecimal(),
            LineDiscount = ToManual(l.LineDiscount),
            PriceLock = l.PriceLock is { } priceLock
                ? new PriceLock(priceLock.UnitPrice?.ToDecimal() ?? 0, ToSource(priceLock.Source), priceLock.Discounts.Select(ToApplied).ToList(),
                    priceLock.Quantity == 0 ? l.Quantity : priceLock.Quantity)
                {
                    Seal = priceLock.Seal.Length == 0 ? null : priceLock.Seal,
                }
                : null,
        }).ToList(),
        CouponCodes = request.CouponCodes.ToList(),
        TotalDiscount = ToManual(request.TotalDiscount),
        SystemDiscountsRemoved = request.SystemDiscountsRemoved,
    };

    public static Wire.PricedCart ToWire(PricedCart cart)
    {
        var wire = new Wire.PricedCart
        {
            StoreId = cart.StoreId,
            CustomerId = cart.CustomerId ?? "",
            Currency = cart.Currency,
            GrossAmount = cart.GrossAmount,
            DiscountAmount = cart.DiscountAmount,
            NetAmount = cart.NetAmount,
            SystemDiscountsRemoved = cart.SystemDiscountsRemoved,
            BestPriceExact = cart.BestPriceExact,
        };
        wire.AppliedCouponCodes.AddRange(cart.AppliedCouponCodes);
        wire.UnusedCouponCodes.AddRange(cart.UnusedCouponCodes);
        foreach (var line in cart.Lines)
        {
            var wireLine = new Wire.PricedLine
            {
                LineId = line.LineId,
                Sku = line.Sku,
                Quantity = line.Quantity,
                IsReturn = line.IsReturn,
                UnitPrice = line.UnitPrice,
                PriceSource = ToWire(line.PriceSource),
                GrossAmount = line.GrossAmount,
                DiscountAmount = line.DiscountAmount,
                NetAmount = line.NetAmount,
                Locked = line.Locked,
                Lock = ToWire(line.Lock),
            };
            wireLine.Discounts.AddRange(line.Discounts.Select(ToWire));
            wire.Lines.Add(wireLine);
        }
        return wire;
    }

    public static Wire.PriceSource ToWire(PriceSource source) => new()
    {
        Kind = source.Kind switch
        {
            PriceSourceKind.TradeAgreement => Wire.PriceSourceKind.TradeAgreement,
            PriceSourceKind.PriceOverride => Wire.PriceSourceKind.PriceOverride,
            _ => Wire.PriceSourceKind.BasePrice,
        },
        PriceGroup = source.PriceGroup ?? "",
        TradeAgreementId = source.TradeAgreementId ?? "",
    };

    private static Wire.PriceLock ToWire(PriceLock priceLock)
    {
        var wire = new Wire.PriceLock
        {
            UnitPrice = priceLock.UnitPrice, Source = ToWire(priceLock.Source), Quantity = priceLock.Quantity, Seal = priceLock.Seal ?? "",
        };
        wire.Discounts.AddRange(priceLock.Discounts.Select(ToWire));
        return wire;
    }

    private static Wire.AppliedDiscount ToWire(AppliedDiscount discount) => new()
    {
        DiscountId = discount.DiscountId,
        Name = discount.Name,
        Amount = discount.Amount,
        Type = discount.Type switch
        {
            AppliedDiscountType.Simple => Wire.DiscountType.Simple,
            AppliedDiscountType.Quantity => Wire.DiscountType.Quantity,
            AppliedDiscountType.MixAndMatch => Wire.DiscountType.MixAndMatch,
            AppliedDiscountType.Threshold => Wire.DiscountType.Threshold,
            AppliedDiscountType.ManualLine => Wire.DiscountType.ManualLine,
            _ => Wire.DiscountType.ManualTotal,
        },
        Mode = discount.Mode switch
        {
            ConcurrencyMode.Exclusive => Wire.ConcurrencyMode.Exclusive,
            ConcurrencyMode.Compound => Wire.ConcurrencyMode.Compound,
            _ => Wire.ConcurrencyMode.BestPrice,
        },
        CouponCode = discount.CouponCode ?? "",
        Percent = discount.Percent is { } percent ? percent : null,
        Priority = discount.Priority,
    };

    private static AppliedDiscount ToApplied(Wire.AppliedDiscount discount) => new(
        discount.DiscountId, discount.Name, discount.Amount?.ToDecimal() ?? 0,
        discount.Type switch
        {
            Wire.DiscountType.Quantity => AppliedDiscountType.Quantity,
            Wire.DiscountType.MixAndMatch => AppliedDiscountType.MixAndMatch,
            Wire.DiscountType.Threshold => AppliedDiscountType.Threshold,
            Wire.DiscountType.ManualLine => AppliedDiscountType.ManualLine,
            Wire.DiscountType.ManualTotal => AppliedDiscountType.ManualTotal,
            _ => AppliedDiscountType.Simple,
        },
        discount.Mode switch
        {
            Wire.ConcurrencyMode.Exclusive => ConcurrencyMode.Exclusive,
            Wire.ConcurrencyMode.Compound => ConcurrencyMode.Compound,
            _ => ConcurrencyMode.BestPrice,
        },
        discount.Priority, Optional(discount.CouponCode), discount.Percent?.ToDecimal());

    private static PriceSource ToSource(Wire.PriceSource? source) => source?.Kind switch
    {
        Wire.PriceSourceKind.TradeAgreement => new PriceSource(PriceSourceKind.TradeAgreement, Optional(source.PriceGroup), Optional(source.TradeAgreementId)),
        Wire.PriceSourceKind.PriceOverride => PriceSource.Override,
        _ => PriceSource.BasePrice,
    };

    private static ManualDiscount? ToManual(Wire.ManualDiscount? discount) => discount?.ValueCase switch
    {
        Wire.ManualDiscount.ValueOneofCase.Amount => new ManualDiscount(Amount: discount.Amount.ToDecimal()),
        Wire.ManualDiscount.ValueOneofCase.Percent => new ManualDiscount(Percent: discount.Percent.ToDecimal()),
        Wire.ManualDiscount.ValueOneofCase.None => new ManualDiscount(),
        _ => null,
    };

    private static string? Optional(string value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
