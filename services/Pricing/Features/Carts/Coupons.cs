using System.Security.Claims;
using OmniChannel.Pricing.Engine;
using OmniChannel.Pricing.Engine.Model;

namespace OmniChannel.Pricing.Features.Carts;

/// <summary>PRC-11: a coupon code or barcode, typed or scanned (or picked from a discount list when it applies without code).</summary>
public sealed record AddCouponRequest(Cart? Cart, string? Code);

/// <summary>PRC-12: the coupons to take off, by code or barcode.</summary>
public sealed record RemoveCouponsRequest(Cart? Cart, IReadOnlyList<string>? Codes);

public static class Coupons
{
    public static IEndpointRouteBuilder MapCoupons(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/pricing/carts/coupons/add", (AddCouponRequest request, ClaimsPrincipal user, CartPricer pricer, CancellationToken ct) =>
                CartOperationEndpoint.RunAsync(request.Cart, user, pricer,
                    (cart, inputs) => CartOperations.AddCoupon(cart, request.Code, inputs.Book, inputs.Now), ct))
            .WithCartOperation("PRC-11: adds a coupon by code or barcode; unknown or expired coupons are refused.");
        app.MapPost("/api/pricing/carts/coupons/remove", (RemoveCouponsRequest request, ClaimsPrincipal user, CartPricer pricer, CancellationToken ct) =>
                CartOperationEndpoint.RunAsync(request.Cart, user, pricer,
                    (cart, inputs) => CartOperations.RemoveCoupons(cart, request.Codes, inputs.Book), ct))
            .WithCartOperation("PRC-12: removes the selected coupons.");
        return app;
    }
}
