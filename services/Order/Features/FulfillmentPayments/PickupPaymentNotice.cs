using OmniChannel.Contracts.Pickup;
using OmniChannel.Order.Orders;

namespace OmniChannel.Order.Features.FulfillmentPayments;

/// <summary>
/// PAY-9: Pickup shows whether a completion is paid or the terminal must take a new payment. Payment-Token answers the
/// Order saga's captures under the Order service's own capture ids; Pickup is told in its own terms instead
/// (<see cref="PickupPaymentAnswered"/>, naming the completion), so it neither reads those ids nor listens to the saga's
/// replies. The saga sends it with the answer's record (FulfillmentDecider). Pure: the order as recorded when the
/// capture was asked, and the answer.
/// </summary>
public static class PickupPaymentNotice
{
    /// <summary>The notice for Pickup, or null when the capture did not pay for a pickup (an invoice).</summary>
    public static PickupPaymentAnswered? Of(CustomerOrder order, Guid orderId, string captureId, decimal captured, decimal balanceDue,
        string? failureCode)
    {
        if (OrderFulfillment.OfAttempt(order, captureId) is not { Source: FulfillmentSource.Pickup } completion)
            return null;
        return new PickupPaymentAnswered
        {
            OrderId = orderId, FulfillmentId = completion.Id, CaptureId = captureId, Captured = captured,
            Outcome = failureCode is null ? PickupPaymentOutcome.Captured : PickupPaymentOutcome.NewPaymentRequired,
            BalanceDue = failureCode is null ? 0m : balanceDue, Code = failureCode,
        };
    }
}
