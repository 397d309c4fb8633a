using System.Security.Claims;
using OmniChannel.Pricing.Engine;
using OmniChannel.Pricing.Engine.Model;
using OmniChannel.Pricing.Features.Carts;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.Pricing.Features.Discounts;

/// <summary>PRC-3 for a line (lineId) or the whole cart (no lineId).</summary>
public sealed record AvailableDiscountsRequest(Cart? Cart, string? LineId);

/// <summary>PRC-3: "show available discounts": applied, applicable, needing more in the cart, or a coupon to apply.</summary>
public static class AvailableDiscounts
{
    public static IEndpointRouteBuilder MapAvailableDiscounts(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/pricing/carts/available-discounts", Handle)
            .RequireAuthorization(PlatformPolicies.Carts)
            .WithTags("Discounts")
            .WithSummary("PRC-3: discounts applied and applicable to a line or the cart, with what more they need.")
            .Produces<IReadOnlyList<AvailableDiscount>>()
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<IResult> Handle(AvailableDiscountsRequest request, ClaimsPrincipal user, CartPricer pricer, CancellationToken ct)
    {
        if (request.Cart is not { } cart)
            return Refusals.NoCart.ToProblem();
        var inputs = await pricer.InputsAsync(cart, user, ct);
        var priced = inputs.Price(cart);
        if (priced.Refusal is { } refusal)
            return refusal.ToProblem();
        var available = DiscountListing.Available(cart, priced.Value!, inputs.Book, inputs.Products, request.LineId, inputs.Now);
        return available.Refusal is { } notAvailable ? notAvailable.ToProblem() : TypedResults.Ok(available.Value);
    }
}
