namespace OmniChannel.Order.Features.MasterData;

public enum CustomerType { Consumer, Business }

public sealed record Address(string Line1, string City, string Region, string PostalCode, string Country);

/// <summary>
/// A customer an order is taken for (ORD-1: a customer is required). Business customers default to 0% deposit (ORD-3).
/// <see cref="ShippingAddress"/> is where their e-commerce orders ship (ECM-2 updates it, and nothing else, from a storefront
/// order); <see cref="MarketingConsent"/>: they agreed to the store's mail (ECM-2 records it, never withdraws it).
/// </summary>
public sealed record Customer(string Id, string Name, CustomerType Type, string Email, string? Phone, IReadOnlyList<Address> Addresses,
    Address? ShippingAddress = null, bool MarketingConsent = false);

/// <summary>ORD-9: how a store's terminals create orders.</summary>
public enum OrderCreationMode { Synchronous, AsyncBatch, AsyncRealTimeFirst }

/// <summary>What the Order service needs to know of a store.</summary>
/// <param name="AsyncCancellationContactRequired">ORD-10: the terminal asks for the customer's phone or e-mail to cancel an order not created yet.</param>
/// <param name="Hours">ECM-5: the store's opening hours and time zone, which an e-commerce order's 4 business hours count in.</param>
public sealed record StoreSettings(string StoreId, string Name, string WarehouseId, string ShippingWarehouseId,
    string FulfillmentGroupId, string Currency, OrderCreationMode OrderCreationMode, bool AsyncCancellationContactRequired = false,
    StoreHours? Hours = null);

/// <summary>A store's opening hours ("HH:mm", the same every day) in its own time zone (an IANA id, e.g. America/Chicago).</summary>
public sealed record StoreHours(string TimeZone, string Opens, string Closes);

/// <summary>Customer-order parameters of the company (ORD-2, ORD-3, ORD-8): one document, id "default".</summary>
public sealed record CustomerOrderParameters(
    string Id,
    string DefaultOrderType,
    decimal DefaultDepositPercent,
    decimal CancellationChargePercent,
    string CancellationChargeCode,
    string ShippingChargeCode,
    string PickupModeOfDelivery,
    string CarryOutModeOfDelivery,
    IReadOnlyList<string> ShippingModesOfDelivery)
{
    public const string DefaultId = "default";
}

/// <summary>
/// What a cashier's permission group (the <c>permission_group</c> claim of their token) may do to an order: override
/// its deposit percent (ORD-3), adjust its cancellation charge (ORD-8). No group (a terminal without a signed-in
/// cashier, a storefront) may do neither.
/// </summary>
public sealed record PermissionGroupRights(string Id, bool AllowDepositOverride, bool AllowCancellationChargeAdjustment);

/// <summary>
/// ECM-4: the identifiers a storefront line is matched by (UPC, vendor part number) and an operator searches by (GTIN,
/// UPC, VPN, MPN, description). From the product master (the sample catalogue).
/// </summary>
public sealed record ProductIdentifiers(string Sku, string Name, string? Upc, string? VendorPartNumber, string? Mpn)
{
    /// <summary>The UPC as a GTIN-14 (two leading zeros), as scanners and feeds send it.</summary>
    public string? Gtin => Upc is { Length: 12 } ? "00" + Upc : Upc;
}

/// <summary>What order taking needs to know of a SKU; kept in step with Inventory's ProductRegistered.</summary>
public sealed record ProductInfo(string Sku, string Name, bool RevenueRecognition, long Revision);

/// <summary>
/// INV-6, as order taking sees it: which locations may ship and which may serve pickup. A projection of
/// Inventory-Allocation's groups (<see cref="FulfillmentGroupProjection"/>), never written here otherwise.
/// </summary>
public sealed record FulfillmentGroup(string Id, IReadOnlyList<FulfillmentLocation> Locations, long Revision = 0)
{
    public bool CanShipFrom(string locationId) => Locations.Any(l => l.LocationId == locationId && l.Shipping);

    public bool CanPickUpAt(string locationId) => Locations.Any(l => l.LocationId == locationId && l.Pickup);
}

public sealed record FulfillmentLocation(string LocationId, bool Shipping, bool Pickup);

/// <summary>
/// PAY-2: a tender type and the card type ids accepted with it, the same on every channel. A projection of
/// Payment-Token's tender types (<see cref="TenderTypeProjection"/>), never written here otherwise.
/// </summary>
public sealed record AcceptedTender(string Id, IReadOnlyList<string> CardTypeIds, long Revision = 0);
