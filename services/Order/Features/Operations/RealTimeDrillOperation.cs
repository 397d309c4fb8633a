using OmniChannel.Order.Features.CreateOrder;

namespace OmniChannel.Order.Features.Operations;

public sealed record RealTimeDrillState(bool Failing);

/// <summary>
/// ORD-9 drill, an operator action on the Order API (the dashboard's "Real-time failure drill" command): the real-time
/// path fails on purpose, terminals still get their confirmation numbers, and the order-sync job creates the orders.
/// </summary>
public static class RealTimeDrillOperation
{
    public static RouteGroupBuilder MapRealTimeDrill(this RouteGroupBuilder operations)
    {
        operations.MapGet("/real-time-drill", (RealTimeDrill drill) => new RealTimeDrillState(drill.Failing));
        operations.MapPut("/real-time-drill", (RealTimeDrillState state, RealTimeDrill drill, ILogger<RealTimeDrill> logger) =>
        {
            drill.Failing = state.Failing;
            logger.LogWarning("Real-time failure drill {State} by an operator", drill.Failing ? "started" : "stopped");
            return new RealTimeDrillState(drill.Failing);
        });
        return operations;
    }
}
