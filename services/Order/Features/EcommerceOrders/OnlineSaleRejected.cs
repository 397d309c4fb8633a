using Marten;
using MassTransit;
using OmniChannel.Order.Ecommerce;
using OmniChannel.Order.Orders;

namespace OmniChannel.Order.Features.EcommerceOrders;

/// <summary>
/// The order saga rejected an online order (<see cref="Code"/> and <see cref="Reason"/> say why: no stock at reservation, a
/// declined card hold, a cart Pricing refused). Published by the saga in the commit that rejected it, so the e-commerce
/// order whose sale it is learns it (ECM-6).
/// </summary>
public sealed record OnlineSaleRejected
{
    public required string ConfirmationNumber { get; init; }
    public required string Code { get; init; }
    public required string Reason { get; init; }
    public required DateTimeOffset At { get; init; }

    /// <summary>What the saga's decision on an order tells the e-commerce orders: an online order's rejection, else nothing.</summary>
    public static IEnumerable<OnlineSaleRejected> Of(CustomerOrder order, IEnumerable<object> events) => order.Channel != OrderChannel.Online
        ? []
        : events.OfType<OrderRejected>().Select(r => new OnlineSaleRejected
        {
            ConfirmationNumber = order.Id, Code = r.Code, Reason = r.Reason, At = r.RejectedAt,
        });
}

/// <summary>
/// ECM-3 and ECM-6 on the order worker: the e-commerce order whose sale the order saga rejected is Process Sale Failed with
/// the reason, for the store to reject (not charged, a zero payment, Completed). An online order no storefront webhook made
/// (the storefront's own API call) is no e-commerce order: nothing to do.
/// </summary>
public sealed class OnlineSaleRejectedConsumer(IDocumentSession session, ILogger<OnlineSaleRejectedConsumer> logger) : IConsumer<OnlineSaleRejected>
{
    public async Task Consume(ConsumeContext<OnlineSaleRejected> context)
    {
        var ct = context.CancellationToken;
        var sale = context.Message;
        var id = await session.Query<EcommerceOrder>().Where(o => o.ConfirmationNumber == sale.ConfirmationNumber).Select(o => o.Id)
            .FirstOrDefaultAsync(ct);
        if (id is null)
            return;
        var stream = await session.Events.FetchForWriting<EcommerceOrder>(id, ct);
        var events = EcommerceDecider.SaleRejected(stream.Aggregate!, sale.ConfirmationNumber, sale.Code, sale.Reason, sale.At);
        if (events.Length == 0)
            return;
        stream.AppendMany(events);
        await session.SaveChangesAsync(ct); // a concurrent action on the order fails this commit: the message is retried
        logger.LogWarning("E-commerce order {EcommerceOrderId}: its sale {ConfirmationNumber} was rejected ({Code}); the store rejects it (ECM-6)",
            id, sale.ConfirmationNumber, sale.Code);
    }
}
