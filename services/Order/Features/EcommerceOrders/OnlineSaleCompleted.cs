using Marten;
using MassTransit;
using OmniChannel.Order.Ecommerce;
using OmniChannel.Order.Orders;

namespace OmniChannel.Order.Features.EcommerceOrders;

/// <summary>
/// The order saga completed an online order: every line handed over and paid (PAY-3: the hold captured at pickup; PUP-9:
/// a reservation paid at the counter). Published by the saga in the commit that completed it, so the e-commerce order
/// whose sale it is is Completed.
/// </summary>
public sealed record OnlineSaleCompleted
{
    public required string ConfirmationNumber { get; init; }
    public required DateTimeOffset At { get; init; }

    /// <summary>What the saga's decision on an order tells the e-commerce orders: an online order's completion, else nothing.</summary>
    public static IEnumerable<OnlineSaleCompleted> Of(CustomerOrder order, IEnumerable<object> events) => order.Channel != OrderChannel.Online
        ? []
        : events.OfType<OrderCompleted>().Select(c => new OnlineSaleCompleted { ConfirmationNumber = order.Id, At = c.CompletedAt });
}

/// <summary>PUP-9 on the order worker: the e-commerce order of a completed sale is Completed and leaves the work queue (ECM-3).</summary>
public sealed class OnlineSaleCompletedConsumer(IDocumentSession session) : IConsumer<OnlineSaleCompleted>
{
    public async Task Consume(ConsumeContext<OnlineSaleCompleted> context)
    {
        var (sale, ct) = (context.Message, context.CancellationToken);
        var id = await session.Query<EcommerceOrder>().Where(o => o.ConfirmationNumber == sale.ConfirmationNumber).Select(o => o.Id)
            .FirstOrDefaultAsync(ct);
        if (id is null)
            return;
        var stream = await session.Events.FetchForWriting<EcommerceOrder>(id, ct);
        var events = EcommerceDecider.SaleCompleted(stream.Aggregate!, sale.ConfirmationNumber, sale.At);
        if (events.Length == 0)
            return;
        stream.AppendMany(events);
        await session.SaveChangesAsync(ct); // a concurrent action on the order fails this commit: the message is retried
    }
}
