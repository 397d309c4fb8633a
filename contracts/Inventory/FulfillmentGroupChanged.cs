namespace OmniChannel.Contracts.Inventory;

/// <summary>
/// Published by Inventory-Allocation, the owner of fulfillment groups (INV-6), when a group is created or changed, and
/// again for every group each time it starts, so a service that keeps a projection catches up on what it missed. It
/// carries the whole group: a consumer replaces what it holds, and ignores a <see cref="Revision"/> older than that.
/// </summary>
public sealed record FulfillmentGroupChanged
{
    public required string GroupId { get; init; }
    public required string Name { get; init; }
    public required IReadOnlyList<FulfillmentGroupLocation> Locations { get; init; }
    public required long Revision { get; init; }
}

/// <summary>A location's role in the group: it may ship, serve pickup, or both.</summary>
public sealed record FulfillmentGroupLocation
{
    public required string LocationId { get; init; }
    public required bool Shipping { get; init; }
    public required bool Pickup { get; init; }
}

/// <summary>
/// Asks Inventory-Allocation to publish <see cref="FulfillmentGroupChanged"/> for every group now. A projection asks as it
/// starts, once its queue is bound: what the owner published before that queue existed was dropped by the broker.
/// </summary>
public sealed record PublishFulfillmentGroups
{
    public required string RequestedBy { get; init; }
}
