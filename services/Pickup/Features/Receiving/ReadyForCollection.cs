using Marten;
using OmniChannel.Contracts.Pickup;
using OmniChannel.Pickup.Features.PickupRequests;
using OmniChannel.ServiceDefaults.Persistence;

namespace OmniChannel.Pickup.Features.Receiving;

/// <summary>
/// PUP-3 / PUP-9: a decision that puts the request on the hanger also tells the order that the customer can come
/// (<see cref="PickupReadyForCollection"/>), published in the same commit; a retried decision stages it again on the
/// fresh session, so it goes once.
/// </summary>
public static class ReadyForCollection
{
    public static PickupDecider.Decision Announce(PickupRequest request, PickupDecider.Decision decision, IDocumentSession session)
    {
        if (decision.Refusal is null && decision.Events.OfType<PutOnHanger>().FirstOrDefault() is { } onHanger)
            session.PublishOnCommit(new PickupReadyForCollection
            {
                OrderId = request.OrderId, PickupId = request.Id, StoreId = request.StoreId, ConfirmationNumber = request.ConfirmationNumber,
                PickupDate = request.PickupDate, At = onHanger.At,
            });
        return decision;
    }
}
