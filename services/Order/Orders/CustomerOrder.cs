using System.Text.Json.Serialization;
using OmniChannel.Order.Features.MasterData;

namespace OmniChannel.Order.Orders;

/// <summary>
/// Confirmed: awaiting fulfillment (carried-out lines aside); PartiallyFulfilled: some goods picked up or shipped;
/// Fulfilled: every line picked up or shipped, a payment still being captured or due (PAY-9); Completed: every line
/// fulfilled and paid; Cancelling → Cancelled (ORD-8).
/// </summary>
public enum OrderStatus { Pending, Created, Priced, Reserved, Confirmed, Rejected, PartiallyFulfilled, Fulfilled, Completed, Cancelling, Cancelled }

public enum FulfillmentKind { Ship, Pickup, CarryOut }

/// <summary>Where the order was taken (PAY-1): a store terminal (card present), the storefront or the call center (card not present).</summary>
public enum OrderChannel { Store, Online, CallCenter }

/// <summary>How the order reached its stream (ORD-9): inside the terminal's request, by the real-time path, or by the sync job.</summary>
public enum CreationPath { Synchronous, RealTime, Batch }

public enum FulfillmentSource { CarryOut, Pickup, Invoice }

public sealed record ShippingAddress(string Line1, string City, string Region, string PostalCode, string Country);

/// <summary>ORD-1: where and how one line is fulfilled; <see cref="LocationId"/> is the warehouse whose stock it takes.</summary>
public sealed record Fulfillment(FulfillmentKind Kind, string LocationId, string? ModeOfDelivery = null,
    ShippingAddress? Address = null, DateOnly? Date = null);

/// <param name="LockedUnitPrice">ECM-7: the storefront's price the customer agreed to; the order is not re-priced without them.</param>
public sealed record OrderLine(int LineId, string Sku, int Quantity, Fulfillment Fulfillment, decimal? LockedUnitPrice = null);

/// <summary>
/// The card the order is paid with at order time: a token, never a card number (PAY-12). An order has none when it is a
/// reservation (PUP-9, the storefront's "reserve online, pay in store"): its whole balance is paid at the counter.
/// </summary>
public sealed record DepositTender(string TenderTypeId, string CardTypeId, string CardToken);

public sealed record LinePrice(int LineId, decimal UnitPrice, decimal DiscountAmount, decimal NetAmount);

public sealed record FulfilledLine(int LineId, int Quantity, decimal Amount);

/// <summary>One capture asked for a fulfillment, and its answer once it came.</summary>
public sealed record PaymentAttempt(string AttemptId, decimal Amount, int? PreferredTenderLineId, decimal Captured = 0m, bool Answered = false,
    string? FailureCode = null);

/// <summary>Goods that left, what they cost, and how much of that is paid.</summary>
public sealed record FulfillmentRecord(string Id, FulfillmentSource Source, string LocationId, IReadOnlyList<FulfilledLine> Lines, decimal Value,
    decimal PaidAhead, decimal Due, IReadOnlyList<PaymentAttempt> Attempts, DateTimeOffset At)
{
    [JsonIgnore]
    public decimal Captured => Attempts.Sum(a => a.Captured);

    [JsonIgnore]
    public decimal BalanceDue => Due - Captured;

    [JsonIgnore]
    public bool AwaitingPayment => Attempts.Any(a => !a.Answered);

    /// <summary>PAY-9: the last capture failed and nothing is being tried: the terminal must take a new payment.</summary>
    [JsonIgnore]
    public bool NewPaymentRequired => BalanceDue > 0 && !AwaitingPayment && Attempts.Count > 0;
}

/// <summary>A card taken at the counter for the order (its token masked).</summary>
public sealed record CardTenderRecord(int TenderLineId, string CardTypeId, string CardToken, decimal Amount, string StoreId, DateTimeOffset At);

public sealed record CancellationRecord(string CancellationId, decimal ChargePercent, decimal Charge, decimal? Refunded, decimal? Retained);

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
    DepositTender? DepositTender,
    decimal DepositPercent,
    IReadOnlyList<LinePrice> Prices,
    decimal Total,
    decimal DepositDue,
    decimal DepositPaid,
    string Currency,
    bool StockHeld,
    string? RejectionCode,
    string? RejectionReason,
    DateTimeOffset CreatedAt,
    OrderChannel Channel = OrderChannel.Store,
    decimal AuthorizedBalance = 0m,
    DateTimeOffset? AuthorizationExpiresAt = null,
    bool SecondCardRequired = false,
    IReadOnlyList<FulfillmentRecord>? Fulfillments = null,
    CancellationRecord? Cancellation = null,
    IReadOnlyList<CardTenderRecord>? CardTenders = null,
    IReadOnlyList<LinesCancelled>? LineCancellations = null)
{
    [JsonIgnore]
    public IReadOnlyList<FulfillmentRecord> Fulfilled => Fulfillments ?? [];

    public int FulfilledQuantity(int lineId) => Fulfilled.SelectMany(f => f.Lines).Where(l => l.LineId == lineId).Sum(l => l.Quantity);

    /// <summary>ORD-7: the line's units cancelled while the order stayed open.</summary>
    public int CancelledQuantity(int lineId) => (LineCancellations ?? []).SelectMany(c => c.Lines).Where(l => l.LineId == lineId).Sum(l => l.Quantity);

    /// <summary>What the line still waits for: neither fulfilled nor cancelled (ORD-7).</summary>
    public int OpenQuantity(OrderLine line) => line.Quantity - FulfilledQuantity(line.LineId) - CancelledQuantity(line.LineId);

    /// <summary>What the deposit or prepayment paid that no fulfillment has used yet.</summary>
    [JsonIgnore]
    public decimal PaidAheadLeft => Math.Max(0m, DepositPaid - Fulfilled.Sum(f => f.PaidAhead));

    [JsonIgnore]
    public decimal BalanceDue => Fulfilled.Sum(f => f.BalanceDue);

    [JsonIgnore]
    public bool EveryLineFulfilled => Lines.All(l => OpenQuantity(l) == 0);

    /// <summary>Every line fulfilled, every capture answered, nothing left to pay.</summary>
    [JsonIgnore]
    public bool ReadyToComplete => EveryLineFulfilled && Fulfilled.All(f => !f.AwaitingPayment && f.BalanceDue == 0);

    public static CustomerOrder Create(OrderCreated created) => new(created.ConfirmationNumber, created.OrderId, created.StoreId,
        created.TerminalId, created.CustomerId, created.CustomerType, OrderStatus.Created, created.Lines, created.DepositTender,
        created.DepositPercent, [], 0m, 0m, 0m,
        created.Currency, StockHeld: false, null, null, created.CreatedAt, created.Channel);

    /// <summary>One event applied to the state, as Marten's inline snapshot does: for deciding on events not yet committed.</summary>
    public CustomerOrder Fold(object e) => e switch
    {
        OrderPriced x => Apply(x),
        StockReserved x => Apply(x),
        DepositCaptured x => Apply(x),
        BalanceAuthorized x => Apply(x),
        SecondCardRequired x => Apply(x),
        CardTenderTaken x => Apply(x),
        StockReleased x => Apply(x),
        OrderConfirmed x => Apply(x),
        OrderRejected x => Apply(x),
        LinesFulfilled x => Apply(x),
        FulfillmentPaymentRequested x => Apply(x),
        FulfillmentPaymentCaptured x => Apply(x),
        FulfillmentPaymentFailed x => Apply(x),
        OrderCompleted x => Apply(x),
        CancellationRequested x => Apply(x),
        CancellationSettled x => Apply(x),
        OrderCancelled x => Apply(x),
        LinesCancelled x => Apply(x),
        _ => this,
    };

    public CustomerOrder Apply(OrderPriced priced) => this with
    {
        Status = OrderStatus.Priced,
        Prices = priced.Lines,
        Total = priced.Total,
        DepositDue = priced.DepositDue,
        Currency = priced.Currency,
    };

    public CustomerOrder Apply(StockReserved _) => this with { Status = OrderStatus.Reserved, StockHeld = true };

    public CustomerOrder Apply(StockReservationFailed _) => this;

    public CustomerOrder Apply(DepositCaptured captured) => this with { DepositPaid = DepositPaid + captured.Amount };

    public CustomerOrder Apply(BalanceAuthorized authorized) => this with
    {
        AuthorizedBalance = authorized.Amount,
        AuthorizationExpiresAt = authorized.ExpiresAt,
    };

    public CustomerOrder Apply(SecondCardRequired _) => this with { SecondCardRequired = true };

    public CustomerOrder Apply(CardTenderTaken e) => this with
    {
        CardTenders = [.. CardTenders ?? [], new CardTenderRecord(e.TenderLineId, e.CardTypeId, e.CardToken, e.Amount, e.StoreId, e.At)],
    };

    public CustomerOrder Apply(DepositDeclined _) => this;

    public CustomerOrder Apply(StockReleased _) => this with { StockHeld = false };

    public CustomerOrder Apply(OrderConfirmed _) => this with { Status = OrderStatus.Confirmed };

    public CustomerOrder Apply(OrderRejected rejected) => this with
    {
        Status = OrderStatus.Rejected,
        RejectionCode = rejected.Code,
        RejectionReason = rejected.Reason,
    };

    // Carried-out lines leave at the terminal: the customer order (its ship and pickup lines) is still just confirmed.
    public CustomerOrder Apply(LinesFulfilled e)
    {
        var order = this with
        {
            Fulfillments = [.. Fulfilled, new FulfillmentRecord(e.FulfillmentId, e.Source, e.LocationId, e.Lines, e.Value, e.PaidAhead, e.Due, [], e.At)],
        };
        return e.Source == FulfillmentSource.CarryOut
            ? order
            : order with { Status = order.EveryLineFulfilled ? OrderStatus.Fulfilled : OrderStatus.PartiallyFulfilled };
    }

    public CustomerOrder Apply(FulfillmentRefused _) => this;

    public CustomerOrder Apply(FulfillmentPaymentRequested e) => WithFulfillment(e.FulfillmentId, f => f with
    {
        Attempts = [.. f.Attempts, new PaymentAttempt(e.AttemptId, e.Amount, e.PreferredTenderLineId)],
    });

    public CustomerOrder Apply(FulfillmentPaymentCaptured e) => WithAttempt(e.FulfillmentId, e.AttemptId, a => a with { Captured = e.Captured, Answered = true });

    public CustomerOrder Apply(FulfillmentPaymentFailed e) =>
        WithAttempt(e.FulfillmentId, e.AttemptId, a => a with { Captured = e.Captured, Answered = true, FailureCode = e.Code });

    public CustomerOrder Apply(OrderCompleted _) => this with { Status = OrderStatus.Completed };

    public CustomerOrder Apply(CancellationRequested e) => this with
    {
        Status = OrderStatus.Cancelling,
        Cancellation = new CancellationRecord(e.CancellationId, e.ChargePercent, e.Charge, null, null),
    };

    public CustomerOrder Apply(CancellationRefused _) => this;

    public CustomerOrder Apply(CancellationSettled e) => this with { Cancellation = Cancellation! with { Refunded = e.Refunded, Retained = e.Retained } };

    public CustomerOrder Apply(OrderCancelled _) => this with { Status = OrderStatus.Cancelled };

    /// <summary>ORD-7: cancelled units are no longer open; when what is left was all picked up or shipped, the order is fulfilled.</summary>
    public CustomerOrder Apply(LinesCancelled e)
    {
        var order = this with { LineCancellations = [.. LineCancellations ?? [], e] };
        return order.EveryLineFulfilled && Fulfilled.Any(f => f.Source != FulfillmentSource.CarryOut) ? order with { Status = OrderStatus.Fulfilled } : order;
    }

    public CustomerOrder Apply(LineCancellationRefused _) => this;

    private CustomerOrder WithFulfillment(string id, Func<FulfillmentRecord, FulfillmentRecord> change) =>
        this with { Fulfillments = Fulfilled.Select(f => f.Id == id ? change(f) : f).ToList() };

    private CustomerOrder WithAttempt(string fulfillmentId, string attemptId, Func<PaymentAttempt, PaymentAttempt> change) =>
        WithFulfillment(fulfillmentId, f => f with { Attempts = f.Attempts.Select(a => a.AttemptId == attemptId ? change(a) : a).ToList() });
}
