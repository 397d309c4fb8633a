namespace OmniChannel.Order.Ecommerce;

// The events of an e-commerce order's stream ("ECM-{storefront}-{order number}"): the storefront's order as it came in,
// what matching found, what the store did with it (ECM-1 … ECM-7).

/// <summary>A storefront order read from its webhook; <see cref="AcceptBy"/>: ECM-5, 4 business hours of its store after it was placed.</summary>
public sealed record StorefrontOrderReceived(string Id, string StorefrontId, string WebhookId, StorefrontOrder Order, DateTimeOffset ReceivedAt,
    DateTimeOffset? AcceptBy = null);

/// <summary>ECM-3 Process Sale Failed: the payload could not be read; it is kept as received for support, nothing else is made.</summary>
public sealed record StorefrontOrderUnreadable(string Id, string StorefrontId, string WebhookId, string RawPayload, string Problem,
    DateTimeOffset ReceivedAt);

public enum CustomerMatch { Email, EarlierOrder, PickedByHand, CreatedByHand }

/// <summary>ECM-2: the platform customer the order is for, and how it was found.</summary>
public sealed record EcommerceCustomerMatched(string CustomerId, CustomerMatch How);

/// <summary>ECM-2: no customer has the order's e-mail or an earlier order of this storefront customer: someone picks or creates one.</summary>
public sealed record CustomerIdRequired(string Email);

public enum ProductMatch { Upc, VendorPartNumber, ByHand }

/// <summary>ECM-4: a line's product.</summary>
public sealed record EcommerceLineMatched(int LineNumber, string Sku, ProductMatch How);

/// <summary>ECM-4: a line no product matches (<see cref="Candidates"/> empty) or more than one does (ambiguous).</summary>
public sealed record EcommerceLineUnmatched(int LineNumber, IReadOnlyList<string> Candidates);

/// <summary>ECM-3 New: the sale is created as a customer order of the online channel (its stock asked for).</summary>
public sealed record EcommerceSaleCreated(string ConfirmationNumber, DateTimeOffset At);

/// <summary>
/// The order saga rejected the sale (e.g. no stock at reservation, ECM-6): nothing is held for it. The store rejects the
/// e-commerce order, which records the zero payment and completes it.
/// </summary>
public sealed record EcommerceSaleRejected(string ConfirmationNumber, string Code, string Reason, DateTimeOffset At);

/// <summary>ECM-3 Process Sale Failed: the order's rules refused the sale (e.g. a store that does not serve pickup).</summary>
public sealed record EcommerceSaleRefused(string Code, string Reason, DateTimeOffset At);

/// <summary>ECM-3: the store moved the order on (In Process, Ready for Pickup, Completed, Archived).</summary>
public sealed record EcommerceStatusChanged(EcommerceStatus Status, string By, DateTimeOffset At);

/// <summary>ECM-6: rejected (out of stock): the customer is not charged.</summary>
public sealed record EcommerceOrderRejected(string Reason, string By, DateTimeOffset At);

/// <summary>ECM-6: the zero e-commerce payment recorded for the rejected order, for reporting.</summary>
public sealed record ZeroEcommercePaymentRecorded(string Currency, DateTimeOffset At);

/// <summary>ECM-5: not accepted or rejected within 4 business hours; the store was notified (once).</summary>
public sealed record EcommerceOrderOverdue(DateTimeOffset AcceptBy, DateTimeOffset At);

/// <summary>The storefront cancelled the order (an <c>order.cancelled</c> webhook): its sale, if any, is cancelled without a charge.</summary>
public sealed record EcommerceOrderCancelledByStorefront(string WebhookId, DateTimeOffset At);
