using OmniChannel.Order.Features.MasterData;

namespace OmniChannel.Order.Orders;

public enum OrderStatus { Pending, Created, Priced, Reserved, Confirmed, Rejected }

public enum FulfillmentKind { Ship, Pickup, CarryOut }

/// <summary>How the order reached its stream (ORD-9): inside the terminal's request, by the real-time path, or by the sync job.</summary>
public enum CreationPath { Synchronous, RealTime, Batch }

public sealed record ShippingAddress(string Line1, string City, string Region, string PostalCode, string Country);

/// <summary>ORD-1: where and how one line is fulfilled; <see cref="LocationId"/> is the warehouse whose stock it takes.</summary>
public sealed record Fulfillment(FulfillmentKind Kind, string LocationId, string? ModeOfDelivery = null,
    ShippingAddress? Address = null, DateOnly? Date = null);

public sealed record OrderLine(int LineId, string Sku, int Quantity, Fulfillment Fulfillment);

/// <summary>The card the deposit is taken from: a token, never a card number (PAY-12).</summary>
public sealed record DepositTender(string TenderTypeId, string CardTypeId, string CardToken);

public sealed record LinePrice(int LineId, decimal UnitPrice, decimal DiscountAmount, decimal NetAmount);

// The events of an order's stream (keyed by its confirmation number).
public sealed record OrderCreated(string ConfirmationNumber, Guid OrderId, string StoreId, string TerminalId, string CustomerId,
    CustomerType CustomerType, IReadOnlyList<OrderLine> Lines, DepositTender DepositTender, decimal DepositPercent,
    CreationPath CreatedVia, DateTimeOffset ReceivedAt, DateTimeOffset CreatedAt);

public sealed record OrderPriced(IReadOnlyList<LinePrice> Lines, decimal Total, decimal DepositDue, string Currency);

public sealed record StockReserved(string ReservationId);

public sealed record StockReservationFailed(string Code, string Reason);

public sealed record DepositCaptured(decimal Amount, string AuthorizationToken, string? CaptureToken);

public sealed record DepositDeclined(string Code, string Reason);

public sealed record StockReleased(string ReservationId);

public sealed record OrderConfirmed(DateTimeOffset ConfirmedAt);

public sealed record OrderRejected(string Code, string Reason, DateTimeOffset RejectedAt);

/// <summary>A customer order as its events tell it; immutable, rebuilt by applying them in order.</summary>
public sealed record CustomerOrder(
    string Id,
    Guid OrderId,
    string StoreId,
    string TerminalId,
    string CustomerId,
    CustomerType CustomerType,
    OrderStatus Status,
    IReadOnlyList<OrderLine> Lines,
    DepositTender DepositTender,
    decimal DepositPercent,
    IReadOnlyList<LinePrice> Prices,
    decimal Total,
    decimal DepositDue,
    decimal DepositPaid,
    string Currency,
    bool StockHeld,
    string? RejectionCode,
    string? RejectionReason,
    DateTimeOffset CreatedAt)
{
    public static CustomerOrder Create(OrderCreated created) => new(created.ConfirmationNumber, created.OrderId, created.StoreId,
        created.TerminalId, created.CustomerId, created.CustomerType, OrderStatus.Created, created.Lines, created.DepositTender,
        created.DepositPercent, [], 0m, 0m, 0m,
        "USD", StockHeld: false, null, null, created.CreatedAt);

    public CustomerOrder Apply(OrderPriced priced) => this with
    {
        Status = OrderStatus.Priced, Prices = priced.Lines, Total = priced.Total, DepositDue = priced.DepositDue, Currency = priced.Currency,
    };

    public CustomerOrder Apply(StockReserved _) => this with { Status = OrderStatus.Reserved, StockHeld = true };

    public CustomerOrder Apply(StockReservationFailed _) => this;

    public CustomerOrder Apply(DepositCaptured captured) => this with { DepositPaid = DepositPaid + captured.Amount };

    public CustomerOrder Apply(DepositDeclined _) => this;

    public CustomerOrder Apply(StockReleased _) => this with { StockHeld = false };

    public CustomerOrder Apply(OrderConfirmed _) => this with { Status = OrderStatus.Confirmed };

    public CustomerOrder Apply(OrderRejected rejected) => this with
    {
        Status = OrderStatus.Rejected, RejectionCode = rejected.Code, RejectionReason = rejected.Reason,
    };
}
