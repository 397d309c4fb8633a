using Microsoft.AspNetCore.Http.HttpResults;
using OmniChannel.Pricing.Engine.Model;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.Pricing.Features.Carts;

/// <summary>
/// A refusal as RFC 7807 problem details with its stable code: 409 when it conflicts with the cart's state (a locked
/// line, a cart mixing sales and returns, an expired coupon), 400 for everything else about the request.
/// </summary>
public static class Refusals
{
    public static ProblemHttpResult ToProblem(this Refusal refusal) => refusal.Kind == RefusalKind.Conflict
        ? ProblemCodes.Conflict(refusal.Code, refusal.Detail)
        : ProblemCodes.BadRequest(refusal.Code, refusal.Detail);

    public static readonly Refusal NoCart = Refusal.Invalid("cart.required", "The request needs a cart.");
}
