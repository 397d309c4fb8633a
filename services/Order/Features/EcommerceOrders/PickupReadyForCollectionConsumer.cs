using Marten;
using MassTransit;
using OmniChannel.Contracts.Pickup;
using OmniChannel.Order.Ecommerce;

namespace OmniChannel.Order.Features.EcommerceOrders;

/// <summary>
/// PUP-9 on the order worker: the store put the sale's pickup on the hanger (PUP-3), so the e-commerce order whose sale
/// it is becomes Ready for Pickup and the customer is notified through the storefront, in one commit. A pickup of an
/// order no storefront webhook made (a store's or call center's, or the storefront's own API call) is no e-commerce order.
/// </summary>
public sealed class PickupReadyForCollectionConsumer(IDocumentSession session, StorefrontNotifications notifications,
    ILogger<PickupReadyForCollectionConsumer> logger) : IConsumer<PickupReadyForCollection>
{
    public async Task Consume(ConsumeContext<PickupReadyForCollection> context)
    {
        var (ready, ct) = (context.Message, context.CancellationToken);
        var id = await session.Query<EcommerceOrder>().Where(o => o.ConfirmationNumber == ready.ConfirmationNumber).Select(o => o.Id)
            .FirstOrDefaultAsync(ct);
        if (id is null)
            return;
        var stream = await session.Events.FetchForWriting<EcommerceOrder>(id, ct);
        var events = EcommerceDecider.ReadyForCollection(stream.Aggregate!, ready.ConfirmationNumber, ready.At);
        if (events.Length == 0)
            return;
        stream.AppendMany(events);
        notifications.Stage(session, EcommerceOrder.Fold(stream.Aggregate, events), events);
        await session.SaveChangesAsync(ct); // a concurrent action on the order fails this commit: the message is retried
        logger.LogInformation("E-commerce order {EcommerceOrderId} is Ready for Pickup at {StoreId} (pickup {PickupId})", id, ready.StoreId,
            ready.PickupId);
    }
}
