using OmniChannel.Order.Features.OrderCreation;

namespace OmniChannel.Order.Features.Operations;

public sealed record RealTimeDrillState(bool Failing);

/// <summary>For tests and drills: make the real-time order path fail (ORD-9) and watch the sync job take over.</summary>
public static class RealTimeDrillEndpoint
{
    public static IEndpointRouteBuilder MapOperations(this IEndpointRouteBuilder app)
    {
        var operations = app.MapGroup("/api/orders/operations").WithTags("Operations");
        operations.MapGet("/real-time-drill", (RealTimeDrill drill) => new RealTimeDrillState(drill.Failing));
        operations.MapPut("/real-time-drill", (RealTimeDrillState state, RealTimeDrill drill) =>
        {
            drill.Failing = state.Failing;
            return new RealTimeDrillState(drill.Failing);
        }).WithSummary("Switches the real-time-path drill on or off.");
        return app;
    }
}
