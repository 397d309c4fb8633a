using OmniChannel.Order.Orders;

namespace OmniChannel.Order.Features.CreateOrder;

/// <summary>
/// POST /api/orders: a customer order (ORD-1, ORD-3, ORD-9) from a channel (PAY-1): <c>store</c> (the default: a store
/// terminal, with its <see cref="TerminalId"/> and the card <see cref="Deposit"/> swiped for the deposit), <c>online</c>
/// (the storefront) or <c>callCenter</c>, which send the card token of their hosted payment fields as <see cref="Payment"/>.
/// <see cref="StoreId"/> is the store whose prices and fulfillment group the order uses.
/// </summary>
public sealed record CreateOrderRequest(
    string? StoreId,
    string? TerminalId,
    string? CustomerId,
    IReadOnlyList<CreateOrderLine>? Lines,
    DepositTenderRequest? Deposit,
    string? Channel = null,
    DepositTenderRequest? Payment = null);

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

/// <param name="Percent">ORD-3 deposit override at a store terminal (0 to 100); the parameters' default percent when absent.</param>
public sealed record DepositTenderRequest(string? TenderTypeId, string? CardTypeId, string? CardToken, decimal? Percent = null);
