using System.Security.Claims;
using OmniChannel.Pricing.Engine;
using OmniChannel.Pricing.Engine.Model;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.Pricing.Features.Carts;

/// <summary>PRC-13 / PRC-14: lock every line's price and discounts when the order is captured; recalculate unlocks them all.</summary>
public static class PriceLocks
{
    public static IEndpointRouteBuilder MapPriceLocks(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/pricing/carts/lock", (CartRequest request, ClaimsPrincipal user, CartPricer pricer, CancellationToken ct) =>
                CartOperationEndpoint.RunAsync(request.Cart, user, pricer, (cart, inputs) =>
                {
                    var priced = inputs.Price(cart);
                    return priced.Refusal is { } refusal ? refusal : CartOperations.Lock(cart, priced.Value!);
                }, ct))
            .WithCartOperation("PRC-14: every line keeps its price and discounts as priced now and is left out of calculation.");
        app.MapPost("/api/pricing/carts/recalculate", (CartRequest request, ClaimsPrincipal user, CartPricer pricer, CancellationToken ct) =>
                CartOperationEndpoint.RunAsync(request.Cart, user, pricer, (cart, _) => CartOperations.Recalculate(cart), ct))
            .WithCartOperation("PRC-13: unlocks every line and prices the whole cart again.");
        return app;
    }
}
