using Grpc.Core;
using Marten;
using OmniChannel.Pricing.Engine;
using OmniChannel.Pricing.Engine.Model;
using OmniChannel.Pricing.Features.Carts;
using OmniChannel.Pricing.Features.MasterData;
using OmniChannel.Pricing.Features.Products;
using Wire = OmniChannel.Contracts.Pricing;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.Pricing.Features.Grpc;

/// <summary>
/// The Order service's way in (contracts/Pricing/pricing.proto): the same engine and refusals as the HTTP API. A refusal
/// is a non-OK status whose stable code is in the trailer <see cref="CodeTrailer"/>.
/// </summary>
public sealed class PricingGrpcService(CartPricer pricer, PriceBookProvider books, IQuerySession session, TimeProvider clock)
    : Wire.PricingService.PricingServiceBase
{
    public const string CodeTrailer = "problem-code";

    public override async Task<Wire.PricedCart> PriceCart(Wire.PriceCartRequest request, ServerCallContext context)
    {
        if (GrpcMapping.InvalidDecimal(request) is { } malformed)
            throw Refused(Refusal.Invalid("money.invalid", malformed));
        var cart = GrpcMapping.ToCart(request);
        if (pricer.Seals.Check(cart) is { } forged)
            throw Refused(forged);
        if (request.Recalculate)
            cart = CartOperations.Recalculate(cart); // PRC-13
        // The caller is a platform service (the Order service's saga), never a cashier: no permission group, no manual rights.
        var priced = await pricer.PriceAsync(cart, caller: null, context.CancellationToken);
        return priced.Refusal is { } refusal ? throw Refused(refusal) : GrpcMapping.ToWire(pricer.Seals.Seal(priced.Value!));
    }

    public override async Task<Wire.PriceCheck> CheckPrice(Wire.CheckPriceRequest request, ServerCallContext context)
    {
        var book = await books.CurrentAsync(context.CancellationToken);
        if (book.FindStore(request.StoreId) is not { } store)
            throw Refused(Refusal.NotFound("store.not_found", $"No store '{request.StoreId}'."));
        if (await session.LoadAsync<ProductPrice>(request.Sku, context.CancellationToken) is not { } product)
            throw Refused(Refusal.NotFound("product.not_found", $"No price for SKU '{request.Sku}'."));

        var (price, source) = PriceResolution.Resolve(
            new Product(product.Sku, product.Name, product.BasePrice, product.Currency, product.PriceOverrideAllowed, product.Discountable),
            book.CartGroups(store.Id, string.IsNullOrWhiteSpace(request.CustomerId) ? null : request.CustomerId), book, store.Currency,
            clock.GetUtcNow());
        return new Wire.PriceCheck
        {
            Sku = product.Sku, Name = product.Name, StoreId = store.Id, PriceGroup = store.PriceGroup,
            Price = price, Currency = product.Currency, Source = GrpcMapping.ToWire(source),
        };
    }

    private static RpcException Refused(Refusal refusal) => new(
        new Status(refusal.Kind switch
        {
            RefusalKind.NotFound => StatusCode.NotFound,
            RefusalKind.NotPermitted or RefusalKind.Forbidden => StatusCode.PermissionDenied,
            RefusalKind.Conflict => StatusCode.FailedPrecondition,
            _ => StatusCode.InvalidArgument,
        }, $"{refusal.Code}: {refusal.Detail}"),
        new Metadata { { CodeTrailer, refusal.Code } });
}
