using OmniChannel.Contracts.Inventory;

namespace OmniChannel.InventoryAllocation.Features.Locations;

public enum LocationKind { Store, DistributionCentre }

public sealed record Address(string Line1, string City, string Region, string PostalCode, string Country);

/// <summary>A warehouse: a store (stock for carry-out and pickup) or a distribution centre.</summary>
public sealed record Location(string Id, string Name, LocationKind Kind, string TimeZone, Address Address);

/// <summary>
/// INV-6: which locations of the group may ship and which may serve pickup. Inventory-Allocation owns it; the others
/// keep what they need of it from <see cref="FulfillmentGroupChanged"/>, whose <see cref="Revision"/> grows with every change.
/// </summary>
public sealed record FulfillmentGroup(string Id, string Name, IReadOnlyList<FulfillmentLocation> Locations, long Revision = 1)
{
    public FulfillmentGroupChanged Changed() => new()
    {
        GroupId = Id, Name = Name, Revision = Revision,
        Locations = Locations.Select(l => new FulfillmentGroupLocation { LocationId = l.LocationId, Shipping = l.Shipping, Pickup = l.Pickup }).ToList(),
    };

    public bool CanShipFrom(string locationId) => Locations.Any(l => l.LocationId == locationId && l.Shipping);

    public bool CanPickUpAt(string locationId) => Locations.Any(l => l.LocationId == locationId && l.Pickup);
}

/// <summary>A location's role in a fulfillment group; a location that is not a store can only ship.</summary>
public sealed record FulfillmentLocation(string LocationId, bool Shipping, bool Pickup);
