using Grpc.Core;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.Order.Orders;

/// <summary>What Pricing said of the order's cart: its priced lines, or why it refused them.</summary>
public sealed record PricingAnswer(IReadOnlyList<LinePrice> Lines, decimal Total, string Currency, Refusal? Refused = null)
{
    public static PricingAnswer RefusedWith(Refusal why) => new([], 0m, "", why);

    /// <summary>
    /// ECM-7: an order whose every line carries a locked price (a storefront's, agreed by the customer) is priced with
    /// those, no discount added or removed; null when Pricing is to price it.
    /// </summary>
    public static PricingAnswer? Locked(CustomerOrder order)
    {
        if (order.Lines.Count == 0 || order.Lines.Any(l => l.LockedUnitPrice is null))
            return null;
        var lines = order.Lines.Select(l => new LinePrice(l.LineId, l.LockedUnitPrice!.Value, 0m,
            Money.Round(l.LockedUnitPrice.Value * l.Quantity, order.Currency))).ToList();
        return new PricingAnswer(lines, lines.Sum(l => l.NetAmount), order.Currency);
    }

    /// <summary>
    /// A status that says the cart cannot be priced (e.g. a SKU Pricing does not know) rejects the order; any other
    /// failure (unavailable, deadline) is not an answer: null, and the message is tried again.
    /// </summary>
    public static Refusal? RejectionOf(StatusCode status, string? problemCode, string detail) =>
        status is StatusCode.NotFound or StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.PermissionDenied
            ? new Refusal(problemCode ?? "pricing.refused", detail)
            : null;
}
