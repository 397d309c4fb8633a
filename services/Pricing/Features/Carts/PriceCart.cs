using System.Security.Claims;
using OmniChannel.Pricing.Engine.Model;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.Pricing.Features.Carts;

/// <summary>Prices a whole cart as the terminal holds it: prices, system discounts, coupons, manual discounts, locks.</summary>
public static class PriceCart
{
    public static IEndpointRouteBuilder MapPriceCart(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/pricing/carts/price", Handle)
            .RequireAuthorization(PlatformPolicies.Carts)
            .WithTags("Carts")
            .WithSummary("Prices a cart (stateless: send the whole cart). Every line explains its price and discounts.")
            .Produces<PricedCartView>()
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<IResult> Handle(Cart? cart, ClaimsPrincipal user, CartPricer pricer, CancellationToken ct)
    {
        if (cart is null)
            return Refusals.NoCart.ToProblem();
        if (pricer.Seals.Check(cart) is { } forged)
            return forged.ToProblem();
        var priced = await pricer.PriceAsync(cart, user, ct);
        return priced.Refusal is { } refusal ? refusal.ToProblem() : TypedResults.Ok(PricedCartView.From(priced.Value!));
    }
}
