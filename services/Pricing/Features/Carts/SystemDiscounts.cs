using System.Security.Claims;
using OmniChannel.Pricing.Engine;

namespace OmniChannel.Pricing.Features.Carts;

/// <summary>PRC-9 / PRC-10: take every system discount (coupon-based included) out of the cart, or bring them back.</summary>
public static class SystemDiscounts
{
    public static IEndpointRouteBuilder MapSystemDiscounts(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/pricing/carts/remove-system-discounts", (CartRequest request, ClaimsPrincipal user, CartPricer pricer, CancellationToken ct) =>
                CartOperationEndpoint.RunAsync(request.Cart, user, pricer, (cart, _) => CartOperations.RemoveSystemDiscounts(cart), ct))
            .WithCartOperation("PRC-9: removes every system discount, coupon-based included; manual discounts stay.");
        app.MapPost("/api/pricing/carts/reapply-system-discounts", (CartRequest request, ClaimsPrincipal user, CartPricer pricer, CancellationToken ct) =>
                CartOperationEndpoint.RunAsync(request.Cart, user, pricer, (cart, _) => CartOperations.ReapplySystemDiscounts(cart), ct))
            .WithCartOperation("PRC-10: system discounts are calculated again.");
        return app;
    }
}
