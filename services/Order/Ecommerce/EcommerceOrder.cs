using System.Text.Json.Serialization;

namespace OmniChannel.Order.Ecommerce;

/// <summary>ECM-3: where an e-commerce order stands on the e-commerce sales screen.</summary>
public enum EcommerceStatus
{
    New, CustomerIdRequired, ProductMatchFailed, ProcessSaleFailed, InProcess, ReadyForPickup, Completed, Archived, Rejected,
}

/// <summary>A line and the product it matched (null until it does).</summary>
public sealed record EcommerceLine(StorefrontLine Line, string? Sku, IReadOnlyList<string> Candidates);

/// <summary>
/// An e-commerce order as its events tell it. Marten applies the events (inline snapshot); <see cref="EcommerceDecider"/>
/// decides what may happen next.
/// </summary>
public sealed record EcommerceOrder(
    string Id,
    string StorefrontId,
    string WebhookId,
    EcommerceStatus Status,
    StorefrontOrder? Order,
    string? RawPayload,
    string? Problem,
    string? CustomerId,
    IReadOnlyList<EcommerceLine> Lines,
    string? ConfirmationNumber,
    DateTimeOffset ReceivedAt,
    DateTimeOffset UpdatedAt,
    string? StoreId,
    bool ZeroPaymentRecorded = false,
    DateTimeOffset? AcceptBy = null,
    DateTimeOffset? OverdueAt = null,
    bool SaleRejected = false)
{
    /// <summary>The stream key: one e-commerce order per storefront order number, whatever webhook brought it.</summary>
    public static string IdOf(string storefrontId, string orderNumber) => $"ECM-{storefrontId}-{orderNumber}";

    /// <summary>The key of a webhook whose payload could not be read (it names no order number that can be trusted).</summary>
    public static string UnreadableIdOf(string storefrontId, string webhookId) => $"ECM-{storefrontId}-webhook-{webhookId}";

    /// <summary>ECM-3: Completed and Archived leave the work queue.</summary>
    [JsonIgnore]
    public bool InWorkQueue => Status is not (EcommerceStatus.Completed or EcommerceStatus.Archived);

    [JsonIgnore]
    public bool EveryLineMatched => Lines.Count > 0 && Lines.All(l => l.Sku is not null);

    public static EcommerceOrder Create(StorefrontOrderReceived e) => new(e.Id, e.StorefrontId, e.WebhookId, EcommerceStatus.New, e.Order, null,
        null, null, e.Order.Lines.Select(l => new EcommerceLine(l, null, [])).ToList(), null, e.ReceivedAt, e.ReceivedAt, e.Order.PickupStoreId,
        AcceptBy: e.AcceptBy);

    public static EcommerceOrder Create(StorefrontOrderUnreadable e) => new(e.Id, e.StorefrontId, e.WebhookId, EcommerceStatus.ProcessSaleFailed,
        null, e.RawPayload, e.Problem, null, [], null, e.ReceivedAt, e.ReceivedAt, null);

    /// <summary>The state after events not yet committed, as Marten's inline snapshot will apply them; the first starts the stream.</summary>
    public static EcommerceOrder Fold(EcommerceOrder? current, IEnumerable<object> events) => events.Aggregate(current!, (order, e) => e switch
    {
        StorefrontOrderReceived x => Create(x),
        StorefrontOrderUnreadable x => Create(x),
        EcommerceCustomerMatched x => order.Apply(x),
        CustomerIdRequired x => order.Apply(x),
        EcommerceLineMatched x => order.Apply(x),
        EcommerceLineUnmatched x => order.Apply(x),
        EcommerceSaleCreated x => order.Apply(x),
        EcommerceSaleRefused x => order.Apply(x),
        EcommerceSaleRejected x => order.Apply(x),
        EcommerceStatusChanged x => order.Apply(x),
        EcommerceOrderRejected x => order.Apply(x),
        ZeroEcommercePaymentRecorded x => order.Apply(x),
        EcommerceOrderOverdue x => order.Apply(x),
        EcommerceOrderCancelledByStorefront x => order.Apply(x),
        _ => throw new ArgumentOutOfRangeException(nameof(events), e.GetType().Name, "Not an event of an e-commerce order."),
    });

    public EcommerceOrder Apply(EcommerceCustomerMatched e) => this with
    {
        CustomerId = e.CustomerId,
        // The customer was what it waited for: a line still unmatched is what it waits for now (the sale follows otherwise).
        Status = Status == EcommerceStatus.CustomerIdRequired && !EveryLineMatched
            ? EcommerceStatus.ProductMatchFailed
            : Status,
    };

    public EcommerceOrder Apply(CustomerIdRequired _) => this with { Status = EcommerceStatus.CustomerIdRequired };

    public EcommerceOrder Apply(EcommerceLineMatched e) => this with
    {
        Lines = Lines.Select(l => l.Line.LineNumber == e.LineNumber ? l with { Sku = e.Sku, Candidates = [] } : l).ToList(),
    };

    public EcommerceOrder Apply(EcommerceLineUnmatched e) => this with
    {
        Lines = Lines.Select(l => l.Line.LineNumber == e.LineNumber ? l with { Sku = null, Candidates = e.Candidates } : l).ToList(),
        Status = Status == EcommerceStatus.CustomerIdRequired ? Status : EcommerceStatus.ProductMatchFailed,
    };

    public EcommerceOrder Apply(EcommerceSaleCreated e) => this with { ConfirmationNumber = e.ConfirmationNumber, Status = EcommerceStatus.New, UpdatedAt = e.At };

    /// <summary>
    /// A sale the store still works on is refused: Process Sale Failed, saying why, until the store rejects it (ECM-6). One the
    /// store or the storefront already closed keeps its status.
    /// </summary>
    public EcommerceOrder Apply(EcommerceSaleRejected e) => Status is EcommerceStatus.New or EcommerceStatus.InProcess or EcommerceStatus.ReadyForPickup
        ? this with
        {
            SaleRejected = true,
            Status = EcommerceStatus.ProcessSaleFailed,
            Problem = $"The sale {e.ConfirmationNumber} was rejected ({e.Code}: {e.Reason}); reject the order (ECM-6): the customer is not charged.",
            UpdatedAt = e.At,
        }
        : this with { SaleRejected = true, UpdatedAt = e.At };

    public EcommerceOrder Apply(EcommerceSaleRefused e) => this with
    {
        Status = EcommerceStatus.ProcessSaleFailed,
        Problem = $"{e.Code}: {e.Reason}",
        UpdatedAt = e.At,
    };

    public EcommerceOrder Apply(EcommerceStatusChanged e) => this with { Status = e.Status, UpdatedAt = e.At };

    public EcommerceOrder Apply(EcommerceOrderRejected e) => this with { Status = EcommerceStatus.Rejected, Problem = e.Reason, UpdatedAt = e.At };

    public EcommerceOrder Apply(ZeroEcommercePaymentRecorded e) => this with { ZeroPaymentRecorded = true, UpdatedAt = e.At };

    public EcommerceOrder Apply(EcommerceOrderOverdue e) => this with { OverdueAt = e.At };

    public EcommerceOrder Apply(EcommerceOrderCancelledByStorefront e) => this with { Problem = "Cancelled by the storefront.", UpdatedAt = e.At };
}
