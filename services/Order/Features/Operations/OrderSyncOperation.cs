using OmniChannel.Order.Features.CreateOrder;

namespace OmniChannel.Order.Features.Operations;

public sealed record OrderSyncRun(int Created, int Waiting);

/// <summary>
/// ORD-9, an operator action on the order worker (the dashboard's "Run the order sync job now" command): the batch
/// fallback runs at once instead of at its next interval.
/// </summary>
public static class OrderSyncOperation
{
    public static RouteGroupBuilder MapOrderSyncNow(this RouteGroupBuilder operations)
    {
        operations.MapPost("/order-sync", async (OrderSyncJob job, CancellationToken ct) =>
        {
            var (created, waiting) = await job.RunNowAsync(ct);
            return new OrderSyncRun(created, waiting);
        });
        return operations;
    }
}
