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
/// that cannot be cancelled whole (goods already fulfilled, or lines elsewhere) is left to edit (ORD-7) and logged.
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
        if (order is null || CancellationDecider.Charge(order, null, percent).Refusal is { } refusal)
        {
            logger.LogWarning("Pickup {PickupId} was cancelled at the counter but order {OrderId} cannot be cancelled: {Code}", message.PickupId,
                message.OrderId, order is null ? "order.not_found" : CancellationDecider.Charge(order, null, percent).Refusal!.Code);
            return;
        }
        var cancelled = message.Lines.ToDictionary(l => l.LineId, l => l.Quantity);
        if (order.Lines.Any(line => order.OpenQuantity(line) > cancelled.GetValueOrDefault(line.LineId)))
        {
            logger.LogWarning("Pickup {PickupId} was cancelled at the counter; order {OrderId} has other open lines: edit it (ORD-7)",
                message.PickupId, message.OrderId);
            return;
        }
        await context.Publish(new CancelCustomerOrder { OrderId = order.OrderId, CancellationId = message.CancellationId, ChargePercent = percent });
    }
}
