using System.Security.Claims;
using OmniChannel.Pricing.Engine;
using OmniChannel.Pricing.Engine.Model;

namespace OmniChannel.Pricing.Features.Carts;

/// <summary>PRC-4: the cashier enters a line's unit price (null clears it); only products and permission groups that allow it.</summary>
public sealed record PriceOverrideRequest(Cart? Cart, string? LineId, decimal? UnitPrice);

public static class PriceOverride
{
    public static IEndpointRouteBuilder MapPriceOverride(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/pricing/carts/price-override", (PriceOverrideRequest request, ClaimsPrincipal user, CartPricer pricer, CancellationToken ct) =>
                CartOperationEndpoint.RunAsync(request.Cart, user, pricer,
                    (cart, _) => CartOperations.OverridePrice(cart, request.LineId ?? "", request.UnitPrice), ct))
            .WithCartOperation("PRC-4: overrides a line's price (products that allow it, permission groups that may).");
        return app;
    }
}
