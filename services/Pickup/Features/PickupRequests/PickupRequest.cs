namespace OmniChannel.Pickup.Features.PickupRequests;

/// <summary>A store that serves pickup (INV-6), with the time zone its pickup deadlines and receipt slots use.</summary>
public sealed record PickupLocation(string StoreId, string Name, string TimeZone);

/// <summary>PUP-7 statuses; a request moves Requested → Received (on the hanger) → Completed, or ends otherwise.</summary>
public enum PickupStatus { Requested, Received, Completed, NotPossible, Cancelled, Expired }

/// <summary>Goods a customer collects at a store's pickup counter (PUP-1 … PUP-9).</summary>
public sealed record PickupRequest(
    Guid Id,
    string StoreId,
    string ConfirmationNumber,
    string CustomerId,
    PickupStatus Status,
    DateOnly PickupDate,
    IReadOnlyList<PickupItem> Items,
    DateTimeOffset RequestedAt);

public sealed record PickupItem(string Sku, int Quantity);
