using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.Order.Features.GetOrder;

/// <summary>ORD-6: recall an order by its confirmation number.</summary>
public static class GetOrder
{
    public static IEndpointRouteBuilder MapGetOrder(this IEndpointRouteBuilder app)
    {
        // Orders are created by the order flow (CreateOrder) that builds on this skeleton; until then none exists.
        app.MapGet("/api/orders/{confirmationNumber}", (string confirmationNumber) =>
                ProblemCodes.NotFound("order.not_found", $"No order has confirmation number '{confirmationNumber}'."))
            .WithTags("Orders")
            .WithSummary("An order by confirmation number.");
        return app;
    }
}
