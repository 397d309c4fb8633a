using Marten;
using OmniChannel.Contracts.Inventory;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Persistence;

namespace OmniChannel.InventoryAllocation.Features.Products;

public sealed record RegisterProductRequest(
    string Sku,
    string Name,
    string Upc,
    string VendorPartNumber,
    string? Mpn,
    decimal BasePrice,
    string? Currency,
    bool PriceOverrideAllowed,
    bool Discountable,
    bool RevenueRecognition);

/// <summary>Registers a SKU in the product master, or changes it, and tells the other services (Pricing first of all).</summary>
public static class RegisterProduct
{
    /// <summary>The first rule the request breaks, as (code, detail); null when it breaks none.</summary>
    public static (string Code, string Detail)? Validate(RegisterProductRequest request) => request switch
    {
        { Sku: var sku } when string.IsNullOrWhiteSpace(sku) || sku.Length > 40 || sku.Any(char.IsWhiteSpace) =>
            ("product.sku_invalid", "SKU is required: 1 to 40 characters without spaces."),
        { Name: var name } when string.IsNullOrWhiteSpace(name) => ("product.name_required", "Name is required."),
        { Upc: var upc } when !IsGtin(upc) => ("product.upc_invalid", "UPC must be a GTIN of 8, 12, 13 or 14 digits with a valid check digit."),
        { VendorPartNumber: var vpn } when string.IsNullOrWhiteSpace(vpn) => ("product.vpn_required", "Vendor part number is required."),
        { BasePrice: < 0 } => ("product.price_negative", "Base price cannot be negative."),
        { Currency: var currency } when !CurrencyCode.IsValid(currency) => ("product.currency_invalid", "currency is the base price's ISO 4217 code, such as USD."),
        { BasePrice: var price, Currency: var currency } when CurrencyCode.Round(price, currency!) != price =>
            ("product.price_precision", $"Base price has at most {CurrencyCode.MinorDigits(currency!)} decimals in {currency}."),
        { BasePrice: > CurrencyCode.MaximumAmount } => ("product.price_too_large", $"Base price is at most {CurrencyCode.MaximumAmount}."),
        _ => null,
    };

    /// <summary>GS1 check digit over a UPC-A / EAN-8 / EAN-13 / GTIN-14.</summary>
    public static bool IsGtin(string? code)
    {
        if (code is null || code.Length is not (8 or 12 or 13 or 14) || !code.All(char.IsAsciiDigit))
            return false;
        var sum = 0;
        for (var i = code.Length - 2; i >= 0; i--)
            sum += (code[i] - '0') * ((code.Length - 2 - i) % 2 == 0 ? 3 : 1);
        return (10 - sum % 10) % 10 == code[^1] - '0';
    }

    public static async Task<IResult> Handle(RegisterProductRequest request, IDocumentSession session, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (Validate(request) is var (code, detail))
            return ProblemCodes.BadRequest(code, detail);

        var upcOwner = await session.Query<Product>().Where(p => p.Upc == request.Upc).Select(p => p.Sku).FirstOrDefaultAsync(cancellationToken);
        if (upcOwner is not null && upcOwner != request.Sku)
            return ProblemCodes.Conflict("product.upc_taken", $"UPC {request.Upc} already belongs to SKU '{upcOwner}'.");

        var existing = await session.LoadAsync<Product>(request.Sku, cancellationToken);
        var product = new Product(request.Sku, request.Name.Trim(), request.Upc, request.VendorPartNumber.Trim(), request.Mpn,
            request.BasePrice, request.Currency!, request.PriceOverrideAllowed, request.Discountable, request.RevenueRecognition,
            existing?.Status ?? new SkuStatus(), (existing?.Revision ?? 0) + 1);
        if (existing is not null && existing == product with { Revision = existing.Revision })
            return TypedResults.Ok(existing); // the same product again: nothing changes, nothing is published

        session.Store(product);
        session.PublishOnCommit(new ProductRegistered
        {
            Sku = product.Sku,
            Name = product.Name,
            Upc = product.Upc,
            BasePrice = product.BasePrice,
            Currency = product.Currency,
            PriceOverrideAllowed = product.PriceOverrideAllowed,
            Discountable = product.Discountable,
            RevenueRecognition = product.RevenueRecognition,
            Revision = product.Revision,
            OccurredAt = clock.GetUtcNow(),
            VendorPartNumber = product.VendorPartNumber,
            Mpn = product.Mpn,
        });
        await session.SaveChangesAsync(cancellationToken);

        return existing is null
            ? TypedResults.Created($"/api/inventory/products/{product.Sku}", product)
            : TypedResults.Ok(product);
    }
}
