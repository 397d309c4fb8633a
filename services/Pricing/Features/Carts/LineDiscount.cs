using System.Security.Claims;
using OmniChannel.Pricing.Engine;
using OmniChannel.Pricing.Engine.Model;

namespace OmniChannel.Pricing.Features.Carts;

/// <summary>PRC-5 / PRC-6: a manual line discount, an amount or a percent (neither clears it), within the permission group's caps.</summary>
public sealed record LineDiscountRequest(Cart? Cart, string? LineId, decimal? Amount, decimal? Percent);

public static class LineDiscount
{
    public static IEndpointRouteBuilder MapLineDiscount(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/pricing/carts/line-discount", (LineDiscountRequest request, ClaimsPrincipal user, CartPricer pricer, CancellationToken ct) =>
                CartOperationEndpoint.RunAsync(request.Cart, user, pricer, (cart, _) => CartOperations.SetLineDiscount(cart, request.LineId ?? "",
                    request is { Amount: null, Percent: null } ? null : new ManualDiscount(request.Amount, request.Percent)), ct))
            .WithCartOperation("PRC-5/6: a line discount amount or percent; over the permission group's cap it is refused.");
        return app;
    }
}
