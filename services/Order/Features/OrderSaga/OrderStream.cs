using Marten;
using OmniChannel.Order.Orders;
using OmniChannel.ServiceDefaults.Failures;
using OmniChannel.ServiceDefaults.Persistence;

namespace OmniChannel.Order.Features.OrderSaga;

/// <summary>The order's event stream as the saga reads and extends it.</summary>
public interface IOrderStream
{
    Task<CustomerOrder> LoadAsync(string confirmationNumber, CancellationToken ct);

    void Append(string confirmationNumber, IReadOnlyList<object> events);
}

/// <summary>
/// The stream in the message's session: the events commit with the saga's state and the messages it sends (Marten
/// outbox), and the order's meters count them only once they did.
/// </summary>
public sealed class MartenOrderStream(IDocumentSession session) : IOrderStream
{
    public async Task<CustomerOrder> LoadAsync(string confirmationNumber, CancellationToken ct) =>
        await session.LoadAsync<CustomerOrder>(confirmationNumber, ct) ?? throw UnknownOrder(confirmationNumber);

    /// <summary>
    /// A message about an order this service has no stream of. Permanent, not "not yet": the order's stream commits with
    /// the ReserveStock whose answer starts the saga (OrderCreator, one outbox commit), so no answer can outrun it, and
    /// retrying would only end in <c>_error</c> two minutes later. It goes to the operators' permanent failures.
    /// </summary>
    public static PermanentFailureException UnknownOrder(string confirmationNumber) =>
        new("order.unknown", $"No order {confirmationNumber} exists here: the message cannot apply to anything.", subject: confirmationNumber);

    public void Append(string confirmationNumber, IReadOnlyList<object> events)
    {
        if (events.Count == 0)
            return;
        session.Events.Append(confirmationNumber, events);
        foreach (var e in events)
            if (e is OrderConfirmed)
                session.AfterCommit(OrderMetrics.OrderConfirmed);
            else if (e is OrderRejected rejected)
                session.AfterCommit(() => OrderMetrics.OrderRejected(rejected.Code));
    }
}
