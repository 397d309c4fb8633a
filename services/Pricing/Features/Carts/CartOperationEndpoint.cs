using System.Security.Claims;
using OmniChannel.Pricing.Engine;
using OmniChannel.Pricing.Engine.Model;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.Pricing.Features.Carts;

/// <summary>The answer to a cart operation: the cart to hold from now on, and its pricing.</summary>
public sealed record CartOperationResult(Cart Cart, PricedCartView Pricing);

public sealed record CartRequest(Cart? Cart);

/// <summary>
/// Runs one POS operation (a pure <see cref="CartOperations"/> decision) on the terminal's cart and prices the result.
/// A refusal at either step is problem details, and the terminal keeps the cart it had: nothing is stored here.
/// </summary>
internal static class CartOperationEndpoint
{
    public static async Task<IResult> RunAsync(Cart? cart, ClaimsPrincipal caller, CartPricer pricer,
        Func<Cart, CartPricer.Inputs, Outcome<Cart>> operation, CancellationToken ct)
    {
        if (cart is null)
            return Refusals.NoCart.ToProblem();
        if (pricer.Seals.Check(cart) is { } forged)
            return forged.ToProblem();
        var inputs = await pricer.InputsAsync(cart, caller, ct);
        var next = operation(cart, inputs);
        if (next.Refusal is { } refused)
            return refused.ToProblem();
        var priced = inputs.Price(next.Value!);
        return priced.Refusal is { } refusal
            ? refusal.ToProblem()
            : TypedResults.Ok(new CartOperationResult(pricer.Seals.Seal(next.Value!), PricedCartView.From(priced.Value!)));
    }

    public static RouteHandlerBuilder WithCartOperation(this RouteHandlerBuilder endpoint, string summary) =>
        endpoint.WithTags("Cart operations").WithSummary(summary).RequireAuthorization(PlatformPolicies.Carts)
            .Produces<CartOperationResult>()
            .ProducesProblem(StatusCodes.Status409Conflict); // a locked line, an expired coupon: the cart as it is says no
}
