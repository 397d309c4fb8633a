using Marten;
using MassTransit;
using OmniChannel.Contracts.Pickup;
using OmniChannel.Order.Features.MasterData;
using OmniChannel.Order.Orders;

namespace OmniChannel.Order.Features.CancelOrder;

/// <summary>
/// PUP-6: the store's counter cancelled a received pickup. When that pickup held every line still open on the order and
/// nothing of it has left yet, the order is cancelled through its saga (ORD-8: stock released, authorizations voided,
/// deposit refunded minus the parameters' cancellation charge, PAY-11), under the pickup's cancellation id. An order
/// that cannot be cancelled whole (goods already fulfilled, or lines elsewhere) has the pickup's lines cancelled (ORD-7,
/// <see cref="EndedPickupCancellation"/>): their stock released, the rest stays open.
/// </summary>
public sealed class PickupCancelledAtCounterConsumer(IQuerySession session, ILogger<PickupCancelledAtCounterConsumer> logger)
    : IConsumer<PickupCancelledAtCounter>
{
    public async Task Consume(ConsumeContext<PickupCancelledAtCounter> context)
    {
        var message = context.Message;
        var order = await session.Query<CustomerOrder>().Where(o => o.OrderId == message.OrderId).FirstOrDefaultAsync(context.CancellationToken);
        var percent = (await session.LoadAsync<CustomerOrderParameters>(CustomerOrderParameters.DefaultId, context.CancellationToken))
            ?.CancellationChargePercent ?? 0m;
        if (order is null)
        {
            logger.LogWarning("Pickup {PickupId} was cancelled at the counter but order {OrderId} is not known", message.PickupId, message.OrderId);
            return;
        }
        var (command, whyNot) = EndedPickupCancellation.Decide(order, message.CancellationId, message.Lines, "pickup.cancelled_at_counter", percent);
        if (command is null)
        {
            logger.LogWarning("Pickup {PickupId} was cancelled at the counter but order {OrderId} cannot take it: {Code}", message.PickupId,
                message.OrderId, whyNot);
            return;
        }
        await context.Publish(command, context.CancellationToken);
    }
}
