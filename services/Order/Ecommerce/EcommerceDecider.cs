using OmniChannel.Order.Orders;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.Order.Ecommerce;

/// <summary>What product matching knows of a product (ECM-4): its SKU and the identifiers a storefront line may carry.</summary>
public sealed record ProductCandidate(string Sku, string? Upc, string? VendorPartNumber);

/// <summary>
/// ECM-2 … ECM-6: what an e-commerce order's arrival and the store's actions mean, as events. Pure: the edges
/// (the webhook consumer, the work queue's endpoints) load, call these, append what they return and do the I/O.
/// </summary>
public static class EcommerceDecider
{
    /// <summary>
    /// ECM-3's transitions the store makes by hand: accepted (In Process), ready for pickup, picked up (Completed); a
    /// sale made by hand is archived (Product Match Failed, Process Sale Failed, Customer ID Required). Rejecting (ECM-6)
    /// and processing the sale (ECM-4) are actions of their own.
    /// </summary>
    public static bool MayMove(EcommerceStatus from, EcommerceStatus to) => (from, to) switch
    {
        (EcommerceStatus.New, EcommerceStatus.InProcess) => true,
        (EcommerceStatus.InProcess, EcommerceStatus.ReadyForPickup) => true,
        (EcommerceStatus.ReadyForPickup, EcommerceStatus.Completed) => true,
        (EcommerceStatus.ProductMatchFailed or EcommerceStatus.ProcessSaleFailed or EcommerceStatus.CustomerIdRequired, EcommerceStatus.Archived) => true,
        _ => false,
    };

    /// <summary>ECM-2: the customer with the order's e-mail first, else the one an earlier order of this storefront customer was for.</summary>
    public static object MatchCustomer(StorefrontCustomer customer, string? customerWithEmail, string? customerOfEarlierOrder) =>
        customerWithEmail is not null ? new EcommerceCustomerMatched(customerWithEmail, CustomerMatch.Email)
        : customerOfEarlierOrder is not null ? new EcommerceCustomerMatched(customerOfEarlierOrder, CustomerMatch.EarlierOrder)
        : new CustomerIdRequired(customer.Email);

    /// <summary>
    /// ECM-4: the products whose UPC is the line's UPC or whose vendor part number is the line's part number. Exactly one
    /// is a match; none, or more than one (ambiguous: the platform cannot tell which), leaves the line for a person.
    /// </summary>
    public static object MatchLine(StorefrontLine line, IEnumerable<ProductCandidate> products)
    {
        var byUpc = products.Where(p => line.Upc is not null && string.Equals(p.Upc, line.Upc, StringComparison.Ordinal)).Select(p => p.Sku);
        var byVpn = products.Where(p => line.PartNumber is not null && string.Equals(p.VendorPartNumber, line.PartNumber, StringComparison.Ordinal))
            .Select(p => p.Sku);
        var skus = byUpc.Concat(byVpn).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (skus.Count != 1)
            return new EcommerceLineUnmatched(line.LineNumber, skus);
        return new EcommerceLineMatched(line.LineNumber, skus[0], byUpc.Contains(skus[0]) ? ProductMatch.Upc : ProductMatch.VendorPartNumber);
    }

    /// <summary>The arrival: the order, its customer's match and each line's. The sale follows when everything matched (<see cref="ReadyForSale"/>).</summary>
    public static object[] Import(StorefrontOrderReceived received, object customerMatch, IEnumerable<object> lineMatches) =>
        [received, customerMatch, .. lineMatches];

    /// <summary>A customer and a product for every line, and no sale yet: the sale can be created (ECM-3 New).</summary>
    public static bool ReadyForSale(EcommerceOrder order) =>
        order.Order is not null && order.CustomerId is not null && order.EveryLineMatched && order.ConfirmationNumber is null
        && order.Status is EcommerceStatus.New or EcommerceStatus.CustomerIdRequired or EcommerceStatus.ProductMatchFailed;

    /// <summary>ECM-2: the customer picked (or created) by hand for an order that waits for one.</summary>
    public static (object[] Events, Refusal? Refusal) PickCustomer(EcommerceOrder order, string customerId, CustomerMatch how) =>
        order.Status != EcommerceStatus.CustomerIdRequired
            ? ([], Refusal.Conflict("ecommerce.customer_not_required", $"Order {order.Id} is {order.Status}: it does not wait for a customer."))
            : ([new EcommerceCustomerMatched(customerId, how)], null);

    /// <summary>ECM-4: a line matched by hand, before the sale is processed.</summary>
    public static (object[] Events, Refusal? Refusal) MatchLineByHand(EcommerceOrder order, int lineNumber, string sku)
    {
        if (order.ConfirmationNumber is not null || order.Status is not (EcommerceStatus.ProductMatchFailed or EcommerceStatus.CustomerIdRequired))
            return ([], Refusal.Conflict("ecommerce.line_match_closed", $"Order {order.Id} is {order.Status}: its lines are no longer matched."));
        if (order.Lines.All(l => l.Line.LineNumber != lineNumber))
            return ([], Refusal.NotFound("ecommerce.line_unknown", $"Order {order.Id} has no line {lineNumber}."));
        return ([new EcommerceLineMatched(lineNumber, sku, ProductMatch.ByHand)], null);
    }

    /// <summary>ECM-4 Process Sale: every line matched (by hand or not) and a customer known.</summary>
    public static Refusal? MayProcessSale(EcommerceOrder order) =>
        order.Status != EcommerceStatus.ProductMatchFailed
            ? Refusal.Conflict("ecommerce.process_sale_invalid", $"Order {order.Id} is {order.Status}: only a Product Match Failed order is processed by hand.")
            : !order.EveryLineMatched
                ? Refusal.Conflict("ecommerce.lines_unmatched",
                    $"Lines {string.Join(", ", order.Lines.Where(l => l.Sku is null).Select(l => l.Line.LineNumber))} have no product yet: match them first.")
                : order.CustomerId is null
                    ? Refusal.Conflict("ecommerce.customer_required", "The order has no customer yet.")
                    : null;

    /// <summary>ECM-3: the store moves the order on (<see cref="MayMove"/>).</summary>
    public static (object[] Events, Refusal? Refusal) Move(EcommerceOrder order, EcommerceStatus to, string by, DateTimeOffset now) =>
        MayMove(order.Status, to)
            ? ([new EcommerceStatusChanged(to, by, now)], null)
            : ([], Refusal.Conflict("ecommerce.transition_invalid", $"Order {order.Id} is {order.Status}: it cannot become {to}."));

    /// <summary>
    /// ECM-6: rejected before it is handed over (out of stock): the customer is not charged, a zero e-commerce payment is
    /// recorded and the order is Completed. <paramref name="sale"/> is the customer order's status as last read: a confirmed
    /// sale is cancelled without a charge by the edge (<c>CancelSale</c>: its stock released, its card hold voided); a sale
    /// the order saga rejected holds nothing (its stock released, no authorization kept) and is left as it is. A sale still
    /// being confirmed, or one whose goods left, is not rejected.
    /// </summary>
    public static (object[] Events, bool CancelSale, Refusal? Refusal) Reject(EcommerceOrder order, OrderStatus? sale, string reason, string by,
        DateTimeOffset now)
    {
        var open = order.ConfirmationNumber is not null && (order.Status is EcommerceStatus.New or EcommerceStatus.InProcess or EcommerceStatus.ReadyForPickup
            || order is { Status: EcommerceStatus.ProcessSaleFailed, SaleRejected: true });
        if (!open)
            return ([], false, Refusal.Conflict("ecommerce.reject_invalid",
                $"Order {order.Id} is {order.Status}: only an order with a sale not yet picked up is rejected."));
        if (sale is not (OrderStatus.Confirmed or OrderStatus.Rejected))
            return ([], false, Refusal.Conflict("ecommerce.sale_not_confirmed",
                $"The sale {order.ConfirmationNumber} is {sale?.ToString() ?? "not created yet"}: it is rejected once confirmed (or refused), before its goods leave."));
        object[] events = [new EcommerceOrderRejected(reason, by, now), new ZeroEcommercePaymentRecorded(order.Order!.Currency, now),
            new EcommerceStatusChanged(EcommerceStatus.Completed, by, now)];
        return (events, sale == OrderStatus.Confirmed, null);
    }

    /// <summary>
    /// The order saga rejected the sale (e.g. no stock at reservation): recorded once; a word on another sale, or one already
    /// recorded, changes nothing. Only a rejection is recorded: a confirmation changes nothing the store acts on (the sale's
    /// own status shows it), and recording it would collide with the store's first action on the order.
    /// </summary>
    public static object[] SaleRejected(EcommerceOrder order, string confirmationNumber, string code, string reason, DateTimeOffset at) =>
        order.ConfirmationNumber != confirmationNumber || order.SaleRejected ? [] : [new EcommerceSaleRejected(confirmationNumber, code, reason, at)];

    /// <summary>
    /// PUP-9: the sale's pickup is on the store's hanger (PUP-3): the order, accepted (In Process) or not yet (New: the
    /// counter that received it took it on), is Ready for Pickup, and the customer is notified (<see cref="NotifiesReadyForPickup"/>).
    /// One moved there by hand was notified then; one closed, or another sale's word, changes nothing.
    /// </summary>
    public static object[] ReadyForCollection(EcommerceOrder order, string confirmationNumber, DateTimeOffset at) =>
        order.ConfirmationNumber == confirmationNumber && order.Status is EcommerceStatus.New or EcommerceStatus.InProcess
            ? [new EcommerceStatusChanged(EcommerceStatus.ReadyForPickup, AutomaticActor, at)]
            : [];

    /// <summary>
    /// PUP-9: the sale completed: its goods handed over at the counter and paid (a buy-online order's hold captured, a
    /// reservation's payment taken at the counter). The e-commerce order still open on the screen is Completed; one the
    /// store already completed, rejected or archived stays as it is.
    /// </summary>
    public static object[] SaleCompleted(EcommerceOrder order, string confirmationNumber, DateTimeOffset at) =>
        order.ConfirmationNumber == confirmationNumber
        && order.Status is EcommerceStatus.New or EcommerceStatus.InProcess or EcommerceStatus.ReadyForPickup
            ? [new EcommerceStatusChanged(EcommerceStatus.Completed, AutomaticActor, at)]
            : [];

    /// <summary>PUP-9: the customer is told through the storefront when their order becomes Ready for Pickup, by the counter or by hand.</summary>
    public static bool NotifiesReadyForPickup(IEnumerable<object> events) =>
        events.OfType<EcommerceStatusChanged>().Any(e => e.Status == EcommerceStatus.ReadyForPickup);

    /// <summary>Who moved an order when the pickup counter's work moved it (the history's <c>By</c>).</summary>
    public const string AutomaticActor = "pickup-counter";

    /// <summary>ECM-5: still waiting to be accepted (In Process) or rejected.</summary>
    public static bool AwaitsAcceptance(EcommerceStatus status) => status is EcommerceStatus.New or EcommerceStatus.CustomerIdRequired
        or EcommerceStatus.ProductMatchFailed or EcommerceStatus.ProcessSaleFailed;

    /// <summary>ECM-5: past its 4 business hours and neither accepted nor rejected.</summary>
    public static bool IsOverdue(EcommerceOrder order, DateTimeOffset now) =>
        AwaitsAcceptance(order.Status) && order.AcceptBy is { } by && now > by;

    /// <summary>ECM-5: the store is told once that the order is overdue; null when it is not, or was told already.</summary>
    public static EcommerceOrderOverdue? Overdue(EcommerceOrder order, DateTimeOffset now) =>
        IsOverdue(order, now) && order.OverdueAt is null ? new EcommerceOrderOverdue(order.AcceptBy!.Value, now) : null;

    /// <summary>
    /// The storefront cancelled the order before it was handed over: it is Completed, its sale (if one was made) cancelled
    /// without a charge by the edge, which voids its card hold. An order already Completed, Archived or Rejected stays as it is.
    /// </summary>
    public static (object[] Events, Refusal? Refusal) CancelByStorefront(EcommerceOrder order, string webhookId, DateTimeOffset now) =>
        order.Status is EcommerceStatus.Completed or EcommerceStatus.Archived or EcommerceStatus.Rejected
            ? ([], Refusal.Conflict("ecommerce.cancel_invalid", $"Order {order.Id} is {order.Status}: the storefront's cancellation changes nothing."))
            : ([new EcommerceOrderCancelledByStorefront(webhookId, now), new EcommerceStatusChanged(EcommerceStatus.Completed, "storefront", now)], null);
}
