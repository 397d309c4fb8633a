using System.Security.Claims;
using OmniChannel.Pricing.Engine;
using OmniChannel.Pricing.Engine.Model;
using OmniChannel.Pricing.Features.Carts;
using OmniChannel.Pricing.Features.MasterData;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.Pricing.Features.Discounts;

/// <summary>PRC-2 with a cart: the discounts of the cart's store, without those conflicting with what the cart has applied.</summary>
public sealed record AllDiscountsRequest(Cart? Cart, string? Search, bool? CouponRequired);

/// <summary>PRC-2: "show all discounts" active in a store, searched and filtered.</summary>
public static class AllDiscounts
{
    public static IEndpointRouteBuilder MapAllDiscounts(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/pricing/stores/{storeId}/discounts", ForStore)
            .RequireAuthorization(PlatformPolicies.ReferenceData)
            .WithTags("Discounts")
            .WithSummary("PRC-2: discounts active in the store (its price groups, catalogs, affiliations, loyalty programs).")
            .Produces<IReadOnlyList<ListedDiscount>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapPost("/api/pricing/carts/all-discounts", ForCart)
            .RequireAuthorization(PlatformPolicies.Carts)
            .WithTags("Discounts")
            .WithSummary("PRC-2 for a cart: the store's discounts without those conflicting with the cart's applied discounts.")
            .Produces<IReadOnlyList<ListedDiscount>>()
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<IResult> ForStore(string storeId, string? customerId, string? search, bool? couponRequired,
        PriceBookProvider books, TimeProvider clock, CancellationToken ct)
    {
        var book = await books.CurrentAsync(ct);
        var listed = DiscountListing.AllDiscounts(book, storeId, customerId, null, new DiscountFilter(search, couponRequired), clock.GetUtcNow());
        return listed.Refusal is { } refusal
            ? OmniChannel.ServiceDefaults.Http.ProblemCodes.NotFound(refusal.Code, refusal.Detail)
            : TypedResults.Ok(listed.Value);
    }

    private static async Task<IResult> ForCart(AllDiscountsRequest request, ClaimsPrincipal user, CartPricer pricer, CancellationToken ct)
    {
        if (request.Cart is not { } cart)
            return Refusals.NoCart.ToProblem();
        var inputs = await pricer.InputsAsync(cart, user, ct);
        var priced = inputs.Price(cart);
        if (priced.Refusal is { } refusal)
            return refusal.ToProblem();
        var listed = DiscountListing.AllDiscounts(inputs.Book, cart.StoreId, cart.CustomerId, priced.Value,
            new DiscountFilter(request.Search, request.CouponRequired), inputs.Now);
        return listed.Refusal is { } notListed ? notListed.ToProblem() : TypedResults.Ok(listed.Value);
    }
}
