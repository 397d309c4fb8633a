using System.Security.Claims;
using OmniChannel.Pricing.Engine;
using OmniChannel.Pricing.Engine.Model;

namespace OmniChannel.Pricing.Features.Carts;

/// <summary>PRC-7 / PRC-8: a manual total discount, an amount or a percent (neither clears it).</summary>
public sealed record TotalDiscountRequest(Cart? Cart, decimal? Amount, decimal? Percent);

public static class TotalDiscount
{
    public static IEndpointRouteBuilder MapTotalDiscount(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/pricing/carts/total-discount", (TotalDiscountRequest request, ClaimsPrincipal user, CartPricer pricer, CancellationToken ct) =>
                CartOperationEndpoint.RunAsync(request.Cart, user, pricer, (cart, _) => CartOperations.SetTotalDiscount(cart,
                    request is { Amount: null, Percent: null } ? null : new ManualDiscount(request.Amount, request.Percent)), ct))
            .WithCartOperation("PRC-7/8: a total discount amount or percent; over the cap, or on a cart mixing sales and returns, it is refused.");
        return app;
    }
}
