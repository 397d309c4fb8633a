using OmniChannel.Contracts.Inventory;
using OmniChannel.Contracts.Payment;
using OmniChannel.Order.Features.FulfillmentPayments;
using Payment = OmniChannel.Contracts.Payment;

namespace OmniChannel.Order.Orders;

/// <summary>
/// PUP-4, PAY-3 … PAY-10: goods leaving a confirmed order, what they cost beyond the deposit captured, and the order
/// completed once every line is fulfilled and paid. Pure: the saga loads the order, decides, appends and sends.
/// </summary>
public static class FulfillmentDecider
{
    /// <summary>
    /// Goods picked up or invoiced: recorded, their reserved stock issued, and what the deposit did not pay captured.
    /// The same completion or invoice again changes nothing; goods the order cannot take are recorded as refused.
    /// </summary>
    public static OrderOutcome Decide(CustomerOrder order, GoodsLeaving goods, DateTimeOffset now)
    {
        var draft = new Draft(order);
        if (order.Fulfilled.Any(f => f.Id == goods.FulfillmentId))
            return draft.Go(OrderNext.Unchanged);
        var (fulfilled, refusal) = OrderFulfillment.Fulfill(order, goods.FulfillmentId, goods.Source, goods.LocationId, goods.Lines, now);
        if (refusal is not null)
            return draft.Record(new FulfillmentRefused(goods.FulfillmentId, refusal.Code, refusal.Detail)).Go(OrderNext.Unchanged);

        draft = draft.Record(fulfilled!).Send(new IssueReservedStock
        {
            OrderId = order.OrderId, FulfillmentId = goods.FulfillmentId,
            Lines = fulfilled!.Lines.Select(l => new IssuedLine { LineId = l.LineId, Quantity = l.Quantity }).ToList(),
        });
        var record = draft.Order.Fulfilled.Single(f => f.Id == goods.FulfillmentId);
        if (record.BalanceDue > 0)
            return RequestPayment(draft, record, goods.PreferredTenderLineId).Go(OrderNext.Unchanged);
        return Completion.IfDone(draft, now) ?? draft.Go(OrderNext.Unchanged);
    }

    /// <summary>A capture answered for the first time is recorded; the order completes if nothing is left.</summary>
    public static OrderOutcome Decide(CustomerOrder order, Payment.FulfillmentPaymentCaptured captured, DateTimeOffset now)
    {
        var draft = new Draft(order);
        if (Unanswered(order, captured.FulfillmentId) is not { } fulfillment)
            return draft.Go(OrderNext.Unchanged);
        draft = TellPickup(draft.Record(new FulfillmentPaymentCaptured(fulfillment.Id, captured.FulfillmentId, captured.Captured, captured.CaptureTokens)),
            order, captured.FulfillmentId, captured.Captured, 0m, null);
        return Completion.IfDone(draft, now) ?? draft.Go(OrderNext.Unchanged);
    }

    /// <summary>PAY-9: the order stays open; the terminal takes a new payment for the balance.</summary>
    public static OrderOutcome Decide(CustomerOrder order, Payment.FulfillmentPaymentFailed failed)
    {
        var draft = new Draft(order);
        if (Unanswered(order, failed.FulfillmentId) is { } fulfillment)
            draft = TellPickup(draft.Record(new FulfillmentPaymentFailed(fulfillment.Id, failed.FulfillmentId, failed.Captured, failed.BalanceDue,
                failed.Code, failed.Reason)), order, failed.FulfillmentId, failed.Captured, failed.BalanceDue, failed.Code);
        return draft.Go(OrderNext.Unchanged);
    }

    /// <summary>Nothing to do when the fulfillment is paid or a capture for it is still out: a repeated retry asks once.</summary>
    public static OrderOutcome Decide(CustomerOrder order, RetryFulfillmentPayment retry)
    {
        var draft = new Draft(order);
        if (order.Fulfilled.FirstOrDefault(f => f.Id == retry.FulfillmentId) is { BalanceDue: > 0, AwaitingPayment: false } fulfillment)
            draft = RequestPayment(draft, fulfillment, retry.PreferredTenderLineId);
        return draft.Go(OrderNext.Unchanged);
    }

    /// <summary>The next capture for the fulfillment's balance: its own id first, then <c>{id}.2</c> … (see OrderFulfillment.NextAttemptId).</summary>
    private static Draft RequestPayment(Draft draft, FulfillmentRecord fulfillment, int? preferredTenderLineId)
    {
        var attempt = OrderFulfillment.NextAttemptId(fulfillment);
        return draft
            .Record(new FulfillmentPaymentRequested(fulfillment.Id, attempt, fulfillment.BalanceDue, preferredTenderLineId))
            .Send(new CaptureFulfillmentPayment
            {
                OrderId = draft.Order.OrderId, FulfillmentId = attempt, Amount = fulfillment.BalanceDue, Currency = draft.Order.Currency,
                Purpose = fulfillment.Source == FulfillmentSource.Invoice ? FulfillmentPurpose.Invoice : FulfillmentPurpose.Pickup, PreferredTenderLineId = preferredTenderLineId,
            });
    }

    /// <summary>PAY-9: a pickup completion's capture answered, Pickup is told in its own terms (an invoice's is not Pickup's).</summary>
    private static Draft TellPickup(Draft draft, CustomerOrder asked, string captureId, decimal captured, decimal balanceDue, string? code) =>
        PickupPaymentNotice.Of(asked, asked.OrderId, captureId, captured, balanceDue, code) is { } notice ? draft.Send(notice) : draft;

    /// <summary>The fulfillment a capture answer is for, unless that attempt was answered already (a repeated answer).</summary>
    private static FulfillmentRecord? Unanswered(CustomerOrder order, string attemptId) =>
        OrderFulfillment.OfAttempt(order, attemptId) is { } fulfillment && fulfillment.Attempts.Any(a => a.AttemptId == attemptId && !a.Answered)
            ? fulfillment
            : null;
}
