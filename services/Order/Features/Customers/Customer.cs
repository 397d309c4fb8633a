namespace OmniChannel.Order.Features.Customers;

public enum CustomerType { Consumer, Business }

public sealed record Address(string Line1, string City, string Region, string PostalCode, string Country);

/// <summary>A customer an order is taken for (ORD-1: a customer is required). Business customers default to 0% deposit (ORD-3).</summary>
public sealed record Customer(string Id, string Name, CustomerType Type, string Email, string? Phone, IReadOnlyList<Address> Addresses);

/// <summary>ORD-9: how a store's terminals create orders.</summary>
public enum OrderCreationMode { Synchronous, AsyncBatch, AsyncRealTimeFirst }

/// <summary>What the Order service needs to know of a store.</summary>
public sealed record StoreSettings(string StoreId, string Name, string WarehouseId, string ShippingWarehouseId,
    string FulfillmentGroupId, string Currency, OrderCreationMode OrderCreationMode);

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
    IReadOnlyList<string> ShippingModesOfDelivery);
