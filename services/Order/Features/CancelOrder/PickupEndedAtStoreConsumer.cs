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
/// under the request's cancellation id. A mixed order (lines elsewhere, or goods already handed over) has the request's
/// lines cancelled (ORD-7, <see cref="EndedPickupCancellation"/>): their stock released without a charge, the rest stays open.
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
        var (command, whyNot) = EndedPickupCancellation.Decide(order, cancellationId, lines, $"pickup.{why}", chargePercent);
        if (command is null)
        {
            logger.LogWarning("Pickup {PickupId} ended ({Why}) but order {OrderId} cannot take it: {Code}", pickupId, why, orderId, whyNot);
            return;
        }
        await context.Publish(command, context.CancellationToken);
    }
}
