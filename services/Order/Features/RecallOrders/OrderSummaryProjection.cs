using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using OmniChannel.Order.Features.MasterData;
using OmniChannel.Order.Orders;

namespace OmniChannel.Order.Features.RecallOrders;

/// <summary>
/// ORD-6: keeps each order's <see cref="OrderSummary"/> from its stream. <b>Inline</b>, in the commit that appends the
/// events: a terminal that has just taken an order (or the saga that has just confirmed it) finds it in a search at once,
/// with the status GET /api/orders/{cn} shows; an asynchronous projection would lag by the daemon's poll, and a terminal
/// searching right after a sale would miss it. The cost is one batched read per commit that appends to an order stream.
/// <para>
/// The summary's status, total and lines are the order's own (<see cref="CustomerOrder"/>, folded by Marten's aggregator
/// for it, so both never disagree): the order as committed before this commit (every session of this service is
/// lightweight, so a load reads the database, never an identity map holding a newer state) with this commit's events
/// applied. Being inline it follows each commit from the start; it is not meant to be rebuilt by the async daemon.
/// The customer's contact is carried over from the summary written when the transaction was stored (as known when the
/// order was taken), or read from the customer's record when the order is created in the terminal's own request.
/// </para>
/// </summary>
public sealed class OrderSummaryProjection(StoreOptions options) : IProjection
{
    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var streams = events.Where(e => e.StreamKey is not null).GroupBy(e => e.StreamKey!).ToList();
        if (streams.Count == 0)
            return;
        var keys = streams.Select(s => s.Key).ToArray();
        var customerIds = events.Select(e => e.Data).OfType<OrderCreated>().Select(c => c.CustomerId).Distinct().ToArray();

        var batch = operations.CreateBatchQuery();
        var ordersBefore = batch.LoadMany<CustomerOrder>().ById(keys);
        var summariesBefore = batch.LoadMany<OrderSummary>().ById(keys);
        var customersRead = customerIds.Length > 0 ? batch.LoadMany<Customer>().ById(customerIds) : null;
        await batch.Execute(cancellation);
        var orders = (await ordersBefore).ToDictionary(o => o.Id);
        var summaries = (await summariesBefore).ToDictionary(s => s.Id);
        var customers = customersRead is null ? [] : (await customersRead).ToDictionary(c => c.Id);

        var aggregator = options.Projections.AggregatorFor<CustomerOrder>();
        foreach (var stream in streams)
        {
            var before = orders.GetValueOrDefault(stream.Key);
            var created = stream.Select(e => e.Data).OfType<OrderCreated>().FirstOrDefault();
            if (before is null && created is null)
                continue; // not an order's stream
            var order = await aggregator.BuildAsync(stream.ToList(), operations, before, cancellation);
            if (order is null)
                continue;
            var summary = summaries.GetValueOrDefault(stream.Key);
            var contact = summary?.Customer ?? CustomerContact.Of(customers.GetValueOrDefault(order.CustomerId));
            var takenAt = summary?.CreatedAt ?? created?.ReceivedAt ?? order.CreatedAt;
            var updatedAt = stream.Last().Timestamp is var at && at != default ? at : options.Events.TimeProvider.GetUtcNow();
            operations.Store(OrderSummary.Of(order, contact, takenAt, updatedAt));
        }
    }
}
