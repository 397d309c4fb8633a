using Marten;
using MassTransit;
using OmniChannel.Order.Orders;

namespace OmniChannel.Order.Features.OrderSaga;

/// <summary>
/// Issue 13: a message for an order whose saga has ended is not an error to leave in <c>_error</c> but a fact to record:
/// it is appended to the order's stream as <see cref="LateMessageRecorded"/> (its history shows it; money it reports
/// shows in the reconciliation), logged, and consumed. A message for an order the service does not know is logged and
/// dropped: nothing of it exists to record it on.
/// </summary>
public static class LateMessages
{
    public static IPipe<ConsumeContext<TMessage>> RecordLate<TMessage>(this IMissingInstanceConfigurator<OrderState, TMessage> missing,
        Func<TMessage, Guid> orderId)
        where TMessage : class =>
        missing.ExecuteAsync(context => RecordAsync(context, orderId(context.Message)));

    private static async Task RecordAsync<TMessage>(ConsumeContext<TMessage> context, Guid orderId) where TMessage : class
    {
        var store = context.GetServiceOrCreateInstance<IDocumentStore>();
        var logger = context.GetServiceOrCreateInstance<ILogger<OrderStateMachine>>();
        await using var session = store.LightweightSession();
        var order = await session.Query<CustomerOrder>().Where(o => o.OrderId == orderId).FirstOrDefaultAsync(context.CancellationToken);
        if (order is null)
        {
            logger.LogWarning("{MessageType} for unknown order {OrderId} dropped: no order to record it on", typeof(TMessage).Name, orderId);
            return;
        }
        session.Events.Append(order.Id, new LateMessageRecorded(typeof(TMessage).Name,
            $"Order {order.Id} is {order.Status}: its saga has ended, so this message changes nothing.", DateTimeOffset.UtcNow));
        await session.SaveChangesAsync(context.CancellationToken);
        logger.LogWarning("{MessageType} for order {ConfirmationNumber} arrived after its saga ended ({Status}); recorded on the order",
            typeof(TMessage).Name, order.Id, order.Status);
    }
}
