using Marten;
using MassTransit;
using OmniChannel.Contracts.Inventory;

namespace OmniChannel.Order.Features.MasterData;

/// <summary>
/// Order taking's projection of Inventory-Allocation's fulfillment groups. A local projection rather than a call to
/// Inventory at order time: a terminal's order is decided from the Order service's own database (and the API's 30 s
/// cache), so it stays as fast as before and is taken while Inventory restarts. Inventory republishes every group at
/// each start and when the worker asks as it starts (<see cref="AskOwnersOnStart"/>), so a projection that missed a change
/// catches up.
/// </summary>
public static class FulfillmentGroupProjection
{
    /// <summary>The group to store, or null when what is held is as new already (a late or repeated message).</summary>
    public static FulfillmentGroup? Apply(FulfillmentGroup? current, FulfillmentGroupChanged changed) =>
        current is not null && current.Revision >= changed.Revision
            ? null
            : new FulfillmentGroup(changed.GroupId,
                changed.Locations.Select(l => new FulfillmentLocation(l.LocationId, l.Shipping, l.Pickup)).ToList(), changed.Revision);
}

public sealed class FulfillmentGroupChangedConsumer(IDocumentSession session) : IConsumer<FulfillmentGroupChanged>
{
    public async Task Consume(ConsumeContext<FulfillmentGroupChanged> context)
    {
        var current = await session.LoadAsync<FulfillmentGroup>(context.Message.GroupId, context.CancellationToken);
        if (FulfillmentGroupProjection.Apply(current, context.Message) is not { } group)
            return;
        session.Store(group);
        await session.SaveChangesAsync(context.CancellationToken);
    }
}
