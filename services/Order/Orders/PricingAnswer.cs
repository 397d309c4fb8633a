using Grpc.Core;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.Order.Orders;

/// <summary>What Pricing said of the order's cart: its priced lines, or why it refused them.</summary>
public sealed record PricingAnswer(IReadOnlyList<LinePrice> Lines, decimal Total, string Currency, Refusal? Refused = null)
{
    public static PricingAnswer RefusedWith(Refusal why) => new([], 0m, "", why);

    /// <summary>
    /// A status that says the cart cannot be priced (e.g. a SKU Pricing does not know) rejects the order; any other
    /// failure (unavailable, deadline) is not an answer: null, and the message is tried again.
    /// </summary>
    public static Refusal? RejectionOf(StatusCode status, string? problemCode, string detail) =>
        status is StatusCode.NotFound or StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.PermissionDenied
            ? new Refusal(problemCode ?? "pricing.refused", detail)
            : null;
}
