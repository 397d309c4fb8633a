using Marten;
using MassTransit;
using OmniChannel.Contracts.Pickup;
using OmniChannel.Order.Features.MasterData;
using OmniChannel.Order.Orders;

namespace OmniChannel.Order.Features.CancelOrder;

/// <summary>
/// PUP-5 / PUP-8: a store ended a pickup request the customer did not collect. "Not possible" rejects the lines it held
/// without a charge (authorization voided, deposit refunded in full); an expired request's lines are cancelled with the
/// parameters' cancellation charge, as the order's rules give (PAY-11). When the request held every line still open on the
/// order and nothing of it has left yet, the order is cancelled through its saga (ORD-8: its reservation released, INV-7)
/// under the request's cancellation id. A mixed order (lines elsewhere, or goods already handed over) is logged and left to
/// edit (ORD-7), as <see cref="PickupCancelledAtCounterConsumer"/> leaves it: the order has no line cancellation yet.
/// </summary>
public sealed class PickupEndedAtStoreConsumer(IQuerySession session, ILogger<PickupEndedAtStoreConsumer> logger)
    : IConsumer<PickupNotPossibleAtStore>, IConsumer<PickupRequestExpired>
{
    public Task Consume(ConsumeContext<PickupNotPossibleAtStore> context) =>
        CancelAsync(context, context.Message.OrderId, context.Message.PickupId, context.Message.CancellationId, context.Message.Lines,
            "not_possible", chargePercent: 0m);

    public async Task Consume(ConsumeContext<PickupRequestExpired> context) =>
        await CancelAsync(context, context.Message.OrderId, context.Message.PickupId, context.Message.CancellationId, context.Message.Lines,
            "expired", (await session.LoadAsync<CustomerOrderParameters>(CustomerOrderParameters.DefaultId, context.CancellationToken))
                ?.CancellationChargePercent ?? 0m);

    private async Task CancelAsync(ConsumeContext context, Guid orderId, Guid pickupId, string cancellationId, IReadOnlyList<PickupLine> lines,
        string why, decimal chargePercent)
    {
        var order = await session.Query<CustomerOrder>().Where(o => o.OrderId == orderId).FirstOrDefaultAsync(context.CancellationToken);
        if (order is null)
        {
            logger.LogWarning("Pickup {PickupId} ended ({Why}) but order {OrderId} is not known", pickupId, why, orderId);
            return;
        }
        if (CancellationDecider.Charge(order, chargePercent, chargePercent).Refusal is { } refusal)
        {
            logger.LogWarning("Pickup {PickupId} ended ({Why}) but order {OrderId} cannot be cancelled: {Code}", pickupId, why, orderId, refusal.Code);
            return;
        }
        var held = lines.ToDictionary(l => l.LineId, l => l.Quantity);
        if (order.Lines.Any(line => order.OpenQuantity(line) > held.GetValueOrDefault(line.LineId)))
        {
            logger.LogWarning("Pickup {PickupId} ended ({Why}); order {OrderId} has other open lines: edit it (ORD-7)", pickupId, why, orderId);
            return;
        }
        await context.Publish(new CancelCustomerOrder { OrderId = order.OrderId, CancellationId = cancellationId, ChargePercent = chargePercent });
    }
}
