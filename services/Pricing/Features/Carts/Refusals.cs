using Microsoft.AspNetCore.Http.HttpResults;
using OmniChannel.Pricing.Engine.Model;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.Pricing.Features.Carts;

/// <summary>Refusals of the cart endpoints themselves (before the engine sees a cart).</summary>
public static class Refusals
{
    public static readonly Refusal NoCart = Refusal.Invalid("cart.required", "The request needs a cart.");
}
