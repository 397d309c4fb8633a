using Marten;
using MassTransit;
using OmniChannel.Contracts.Inventory;

namespace OmniChannel.InventoryAllocation.Features.Locations;

/// <summary>Another service's projection of the fulfillment groups asks for them all (it starts, or missed some).</summary>
public sealed class PublishFulfillmentGroupsConsumer(IDocumentSession session) : IConsumer<PublishFulfillmentGroups>
{
    public async Task Consume(ConsumeContext<PublishFulfillmentGroups> context)
    {
        foreach (var group in await session.Query<FulfillmentGroup>().ToListAsync(context.CancellationToken))
            await context.Publish(group.Changed());
    }
}
