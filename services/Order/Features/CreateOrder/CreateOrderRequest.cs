using OmniChannel.Order.Orders;

namespace OmniChannel.Order.Features.CreateOrder;

/// <summary>POST /api/orders: a customer order from a store terminal (ORD-1, ORD-3, ORD-9).</summary>
public sealed record CreateOrderRequest(
    string? StoreId,
    string? TerminalId,
    string? CustomerId,
    IReadOnlyList<CreateOrderLine>? Lines,
    DepositTenderRequest? Deposit);

public sealed record CreateOrderLine(string? Sku, int Quantity, FulfillmentRequest? Fulfillment);

/// <summary>
/// <c>type</c> is <c>ship</c> (shipFromLocationId, modeOfDelivery, address; the store's shipping warehouse when no
/// location is named), <c>pickup</c> (storeId, date) or <c>carryOut</c> (from the store's own warehouse, now).
/// </summary>
public sealed record FulfillmentRequest(
    string? Type,
    string? StoreId = null,
    DateOnly? Date = null,
    string? ShipFromLocationId = null,
    string? ModeOfDelivery = null,
    ShippingAddress? Address = null);

public sealed record DepositTenderRequest(string? TenderTypeId, string? CardTypeId, string? CardToken);
