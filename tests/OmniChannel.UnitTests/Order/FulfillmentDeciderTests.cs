using OmniChannel.Contracts.Pickup;
using OmniChannel.Order.Features.FulfillmentPayments;
using OmniChannel.Order.Orders;
using static OmniChannel.UnitTests.Order.OrderFixtures;
using InventoryMessages = OmniChannel.Contracts.Inventory;
using PaymentMessages = OmniChannel.Contracts.Payment;

namespace OmniChannel.UnitTests.Order;

/// <summary>Goods leaving a confirmed order and their payment, decided without I/O (see <see cref="OrderFixtures.Confirmed"/>).</summary>
public class FulfillmentDeciderTests
{
    private static readonly GoodsLeaving PickedUp = new("pickup.1", FulfillmentSource.Pickup, "SEATTLE", [new(1, 1)], 7);
    private static readonly GoodsLeaving Invoiced = new("invoice.INV-1", FulfillmentSource.Invoice, "", [new(2, 2)], null);

    private static PaymentMessages.FulfillmentPaymentCaptured Captured(string attemptId, decimal amount) =>
        new() { OrderId = OrderId, FulfillmentId = attemptId, Captured = amount, CaptureTokens = ["cap-" + attemptId] };

    private static PaymentMessages.FulfillmentPaymentFailed Failed(string attemptId) => new()
    {
        OrderId = OrderId, FulfillmentId = attemptId, Captured = 0m, BalanceDue = 40m, Code = "payment.new_tender_required", Reason = "declined",
    };

    [Fact]
    public void PUP4_goods_picked_up_are_recorded_their_stock_issued_and_what_the_deposit_did_not_pay_captured()
    {
        var outcome = FulfillmentDecider.Decide(Confirmed(), PickedUp, Now);

        Assert.Equal(OrderNext.Unchanged, outcome.Next);
        var fulfilled = Assert.IsType<LinesFulfilled>(outcome.Events[0]);
        Assert.Equal((100m, 60m, 40m), (fulfilled.Value, fulfilled.PaidAhead, fulfilled.Due));
        Assert.Equal(new FulfillmentPaymentRequested("pickup.1", "pickup.1", 40m, 7), outcome.Events[1]);
        var issue = Assert.IsType<InventoryMessages.IssueReservedStock>(outcome.Commands[0]);
        Assert.Equal(("pickup.1", 1, 1), (issue.FulfillmentId, issue.Lines.Single().LineId, issue.Lines.Single().Quantity));
        var capture = Assert.IsType<PaymentMessages.CaptureFulfillmentPayment>(outcome.Commands[1]);
        Assert.Equal(("pickup.1", PaymentMessages.FulfillmentPurpose.Pickup, 40m, "USD", (int?)7),
            (capture.FulfillmentId, capture.Purpose, capture.Amount, capture.Currency, capture.PreferredTenderLineId));
    }

    [Fact]
    public void PUP4_the_same_completion_again_changes_nothing()
    {
        var order = Confirmed();
        order = order.After(FulfillmentDecider.Decide(order, PickedUp, Now));

        var again = FulfillmentDecider.Decide(order, PickedUp, Now);

        Assert.Equal((OrderNext.Unchanged, 0, 0), (again.Next, again.Events.Count, again.Commands.Count));
    }

    [Fact]
    public void PUP4_goods_the_order_cannot_take_are_recorded_as_refused_and_nothing_is_sent()
    {
        var outcome = FulfillmentDecider.Decide(Confirmed(), PickedUp with { Lines = [new(2, 1)] }, Now);

        var refused = Assert.IsType<FulfillmentRefused>(Assert.Single(outcome.Events));
        Assert.Equal(("pickup.1", "fulfillment.line_not_picked_up_here"), (refused.FulfillmentId, refused.Code));
        Assert.Empty(outcome.Commands);
    }

    [Fact]
    public void PAY6_an_invoice_of_shipped_lines_is_captured_as_an_invoice()
    {
        var outcome = FulfillmentDecider.Decide(Confirmed(), Invoiced, Now);

        Assert.Contains(outcome.Events, e => e is LinesFulfilled { Source: FulfillmentSource.Invoice, LocationId: "CENTRAL-DC", Value: 200m, Due: 140m });
        var capture = Assert.IsType<PaymentMessages.CaptureFulfillmentPayment>(outcome.Commands[^1]);
        Assert.Equal(("invoice.INV-1", PaymentMessages.FulfillmentPurpose.Invoice, 140m), (capture.FulfillmentId, capture.Purpose, capture.Amount));
    }

    [Fact]
    public void PUP4_the_order_completes_when_the_last_capture_is_answered_and_its_authorizations_are_released()
    {
        var order = Confirmed();
        order = order.After(FulfillmentDecider.Decide(order, PickedUp, Now));
        var first = FulfillmentDecider.Decide(order, Captured("pickup.1", 40m), Now);
        order = order.After(first);
        order = order.After(FulfillmentDecider.Decide(order, Invoiced, Now));

        var last = FulfillmentDecider.Decide(order, Captured("invoice.INV-1", 200m), Now); // the deposit went to the pickup

        Assert.Equal(OrderNext.Unchanged, first.Next); // line 2 was still open
        Assert.Equal(OrderNext.Completed, last.Next);
        Assert.Equal(new OrderCompleted(Now), last.Events[^1]);
        Assert.IsType<PaymentMessages.ReleaseOrderAuthorizations>(Assert.Single(last.Commands));
    }

    [Fact]
    public void PAY9_a_failed_capture_is_recorded_and_a_retry_asks_once_from_the_new_tender()
    {
        var order = Confirmed();
        order = order.After(FulfillmentDecider.Decide(order, PickedUp, Now));
        var failed = FulfillmentDecider.Decide(order, Failed("pickup.1"));
        order = order.After(failed);
        var retry = new RetryFulfillmentPayment { OrderId = OrderId, FulfillmentId = "pickup.1", PreferredTenderLineId = 2 };

        var retried = FulfillmentDecider.Decide(order, retry);
        var again = FulfillmentDecider.Decide(order.After(retried), retry);

        Assert.IsType<FulfillmentPaymentFailed>(Assert.Single(failed.Events));
        Assert.Equal(new FulfillmentPaymentRequested("pickup.1", "pickup.1.2", 40m, 2), Assert.Single(retried.Events));
        Assert.Equal("pickup.1.2", Assert.IsType<PaymentMessages.CaptureFulfillmentPayment>(Assert.Single(retried.Commands)).FulfillmentId);
        Assert.Empty(again.Events); // the new capture is still out
        Assert.Empty(again.Commands);
    }

    [Fact]
    public void PAY9_pickup_is_told_what_became_of_its_completions_capture_once()
    {
        var order = Confirmed();
        order = order.After(FulfillmentDecider.Decide(order, PickedUp, Now));

        var failed = FulfillmentDecider.Decide(order, Failed("pickup.1"));
        var again = FulfillmentDecider.Decide(order.After(failed), Failed("pickup.1"));

        var notice = Assert.IsType<PickupPaymentAnswered>(Assert.Single(failed.Commands));
        Assert.Equal(("pickup.1", "pickup.1", PickupPaymentOutcome.NewPaymentRequired, 40m, "payment.new_tender_required"),
            (notice.FulfillmentId, notice.CaptureId, notice.Outcome, notice.BalanceDue, notice.Code));
        Assert.Empty(again.Commands);
    }

    [Fact]
    public void A_capture_answered_twice_is_recorded_once()
    {
        var order = Confirmed();
        order = order.After(FulfillmentDecider.Decide(order, PickedUp, Now));
        order = order.After(FulfillmentDecider.Decide(order, Captured("pickup.1", 40m), Now));

        var again = FulfillmentDecider.Decide(order, Captured("pickup.1", 40m), Now);

        Assert.Empty(again.Events);
        Assert.Empty(again.Commands);
    }
}
