using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.Pickup.Features.PickupRequests;

/// <summary>A store that serves pickup (INV-6), with the time zone its pickup deadlines and receipt slots use.</summary>
public sealed record PickupLocation(string StoreId, string Name, string TimeZone);

/// <summary>
/// PUP-7 statuses; a request moves Requested → Received (on the hanger) → PartiallyCompleted (some goods collected) →
/// Completed, or ends otherwise.
/// </summary>
public enum PickupStatus { Requested, Received, Completed, NotPossible, Cancelled, Expired, PartiallyCompleted }

/// <summary>
/// The payment of a completion, as the Order service tells it once Payment-Token answered its capture: Pending until then;
/// PaidAhead when nothing was left to capture; NewPaymentRequired (PAY-9): the terminal takes a new payment.
/// </summary>
public enum PickupPaymentStatus { Pending, Captured, NewPaymentRequired }

/// <summary>
/// Goods a customer collects at a store's pickup counter (PUP-1 … PUP-9), folded by Marten from the request's events
/// (PickupEvents.cs). <see cref="RequestedBy"/>: who started the order the request comes from (the cashier or storefront
/// that placed it), as the order's confirmation carried it. The receipt's number, printed as its barcode, is the order's
/// confirmation number.
/// </summary>
public sealed record PickupRequest(
    Guid Id,
    string StoreId,
    string ConfirmationNumber,
    string CustomerId,
    PickupStatus Status,
    DateOnly PickupDate,
    IReadOnlyList<PickupItem> Items,
    DateTimeOffset RequestedAt,
    Guid OrderId,
    IReadOnlyList<PickupCompletion>? Completions = null,
    string? CancellationReason = null,
    Initiator? RequestedBy = null,
    DateTimeOffset? PrintedAt = null,
    bool ReceiptScanned = false,
    DateTimeOffset? ReceivedAt = null,
    bool OnHanger = false,
    string? NotPossibleReason = null,
    DateOnly? ExpiryReportedOn = null,
    DateTimeOffset? ClosedAt = null,
    IReadOnlyList<ItemScan>? Scans = null,
    IReadOnlyList<CancellationSlip>? Slips = null,
    IReadOnlyList<string>? CancellationIds = null)
{
    /// <summary>Still to be collected: not cancelled, expired, refused or completed.</summary>
    public bool IsOpen => Status is PickupStatus.Requested or PickupStatus.Received or PickupStatus.PartiallyCompleted;

    public static PickupRequest Create(PickupRequested e) => new(e.PickupId, e.StoreId, e.ConfirmationNumber, e.CustomerId, PickupStatus.Requested,
        e.PickupDate, e.Items, e.At, e.OrderId, RequestedBy: e.RequestedBy);

    public PickupRequest Apply(ReceiptPrinted e) => this with { PrintedAt = PrintedAt ?? e.At };

    public PickupRequest Apply(ReceiptReprinted _) => this;

    public PickupRequest Apply(ReceiptScanned _) => this with { ReceiptScanned = true };

    public PickupRequest Apply(ItemScanned e) => WithLine(e.LineId, item => item with { Scanned = item.Scanned + 1 }) with
    {
        Scans = [.. Scans ?? [], new ItemScan(e.ScanKey, e.Code, e.LineId, e.At)],
    };

    public PickupRequest Apply(PickupReceived e) => this with { Status = PickupStatus.Received, ReceivedAt = e.At };

    public PickupRequest Apply(PutOnHanger _) => this with { OnHanger = true };

    public PickupRequest Apply(PickupPartiallyCancelled e) => e.Items.Aggregate(this, (request, cancelled) =>
        request.WithLine(cancelled.LineId, item => item with { Cancelled = item.Cancelled + cancelled.Quantity })) with
    {
        CancellationIds = e.CancellationId is null ? CancellationIds : [.. CancellationIds ?? [], e.CancellationId],
    };

    public PickupRequest Apply(CancellationSlipPrinted e) => this with
    {
        Slips = [.. Slips ?? [], new CancellationSlip(e.PrintJobId, e.Items, e.At)],
    };

    public PickupRequest Apply(CancelledItemsOffHanger e) => e.Items.Aggregate(this, (request, off) =>
        request.WithLine(off.LineId, item => item with { OffHanger = item.OffHanger + off.Quantity })) with
    {
        Slips = (Slips ?? []).Select(slip => slip.PrintJobId == e.PrintJobId ? slip with { OffHangerAt = e.At } : slip).ToList(),
    };

    public PickupRequest Apply(PickupCancelled e) => this with
    {
        Status = PickupStatus.Cancelled,
        CancellationReason = e.Reason,
        OnHanger = false,
        ClosedAt = e.At,
        Items = Items.Select(item => item with { Cancelled = item.Quantity - item.HandedOver }).ToList(),
    };

    public PickupRequest Apply(PickupNotPossible e) => this with
    {
        Status = PickupStatus.NotPossible,
        NotPossibleReason = e.Reason,
        OnHanger = false,
        ClosedAt = e.At,
    };

    public PickupRequest Apply(PickupHandedOver e)
    {
        var handed = e.Completion.Items.Aggregate(this, (request, item) =>
            request.WithLine(item.LineId, line => line with { HandedOver = line.HandedOver + item.Quantity }));
        var done = handed.Items.All(item => item.Open == 0);
        return handed with
        {
            Status = done ? PickupStatus.Completed : PickupStatus.PartiallyCompleted,
            Completions = [.. Completions ?? [], e.Completion],
            OnHanger = !done && OnHanger,
            ClosedAt = done ? e.Completion.At : null,
        };
    }

    public PickupRequest Apply(CompletionPaymentAnswered e) => this with
    {
        Completions = (Completions ?? []).Select(c => c.FulfillmentId != e.FulfillmentId ? c : c with
        {
            Payment = e.Payment,
            Captured = c.Captured + e.Captured,
            BalanceDue = e.BalanceDue,
            PaymentCode = e.Code,
            AnsweredAttempts = [.. c.AnsweredAttempts ?? [], e.CaptureId],
        }).ToList(),
    };

    public PickupRequest Apply(ExpiryReported e) => this with { ExpiryReportedOn = e.Day };

    public PickupRequest Apply(PickupExpired e) => this with { Status = PickupStatus.Expired, OnHanger = false, ClosedAt = e.At };

    private PickupRequest WithLine(int lineId, Func<PickupItem, PickupItem> change) =>
        this with { Items = Items.Select(item => item.LineId == lineId ? change(item) : item).ToList() };
}

/// <summary>
/// One order line to collect. <see cref="Upc"/> and <see cref="Name"/>: the product's as Pickup knew it when the request
/// came (the receipt prints them, receiving scans the UPC; an unknown product's SKU is scanned instead). <see cref="Scanned"/>:
/// units received (PUP-3); <see cref="HandedOver"/>: units the customer took (PUP-4); <see cref="Cancelled"/>: units
/// cancelled (PUP-2); <see cref="OffHanger"/>: cancelled units a printed cancellation slip took off the hanger (PUP-2).
/// </summary>
public sealed record PickupItem(string Sku, int Quantity, int LineId = 0, int HandedOver = 0, string? Upc = null, string? Name = null,
    int Scanned = 0, int Cancelled = 0, int OffHanger = 0)
{
    /// <summary>Units still to hand over.</summary>
    public int Open => Quantity - Cancelled - HandedOver;

    /// <summary>Units still to scan before the request is received.</summary>
    public int ToScan => Math.Max(0, Quantity - Cancelled - Scanned);

    /// <summary>What a scan of this item reads: its UPC, or its SKU when the product's UPC is not known.</summary>
    public string ScanCode => Upc ?? Sku;
}

/// <summary>
/// PUP-2: a cancellation slip on the store's print queue and the items it takes off the hanger; <see cref="OffHangerAt"/>
/// once the print agent printed it.
/// </summary>
public sealed record CancellationSlip(string PrintJobId, IReadOnlyList<CancelledItem> Items, DateTimeOffset PrintedAt, DateTimeOffset? OffHangerAt = null);

/// <summary>PUP-3: one scan while receiving, by the key the terminal sent it under.</summary>
public sealed record ItemScan(string Key, string Code, int LineId, DateTimeOffset At);

public sealed record HandedOverItem(int LineId, string Sku, int Quantity);

/// <summary>
/// PUP-4: one handing over, under the terminal's Idempotency-Key, and what became of its payment; <see cref="AnsweredAttempts"/>
/// are the captures whose answer is counted, so an answer delivered twice counts once.
/// </summary>
public sealed record PickupCompletion(
    string FulfillmentId,
    string IdempotencyKey,
    string Fingerprint,
    IReadOnlyList<HandedOverItem> Items,
    int? TenderLineId,
    DateTimeOffset At,
    PickupPaymentStatus Payment = PickupPaymentStatus.Pending,
    decimal Captured = 0m,
    decimal? BalanceDue = null,
    string? PaymentCode = null,
    IReadOnlyList<string>? AnsweredAttempts = null);
