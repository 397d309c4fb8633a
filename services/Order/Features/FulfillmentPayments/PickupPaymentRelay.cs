using Marten;
using MassTransit;
using OmniChannel.Contracts.Payment;
using CustomerOrder = OmniChannel.Order.Orders.CustomerOrder;

namespace OmniChannel.Order.Features.FulfillmentPayments;

/// <summary>
/// Passes Payment-Token's answers on to Pickup, beside the saga (a queue of its own, so it never holds the saga up). The
/// capture was recorded on the order before it was asked for, so the order read here always knows it.
/// </summary>
public sealed class PickupPaymentRelay(IDocumentSession session) : IConsumer<FulfillmentPaymentCaptured>, IConsumer<FulfillmentPaymentFailed>
{
    public Task Consume(ConsumeContext<FulfillmentPaymentCaptured> context) =>
        RelayAsync(context, context.Message.OrderId, context.Message.FulfillmentId, context.Message.Captured, 0m, null);

    public Task Consume(ConsumeContext<FulfillmentPaymentFailed> context) =>
        RelayAsync(context, context.Message.OrderId, context.Message.FulfillmentId, context.Message.Captured, context.Message.BalanceDue,
            context.Message.Code);

    private async Task RelayAsync(ConsumeContext context, Guid orderId, string captureId, decimal captured, decimal balanceDue, string? code)
    {
        var order = await session.Query<CustomerOrder>().FirstOrDefaultAsync(o => o.OrderId == orderId, context.CancellationToken);
        if (order is not null && PickupPaymentNotice.Of(order, orderId, captureId, captured, balanceDue, code) is { } notice)
            await context.Publish(notice);
    }
}
