using OmniChannel.Contracts.Pickup;
using OmniChannel.Order.Features.FulfillmentPayments;
using OmniChannel.Order.Features.MasterData;
using OmniChannel.Order.Orders;

namespace OmniChannel.UnitTests.Order;

/// <summary>PAY-9: Pickup learns what became of its completions' captures in its own terms, not the Order service's capture ids.</summary>
public class PickupPaymentNoticeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 15, 0, 0, TimeSpan.Zero);
    private static readonly Guid OrderId = Guid.NewGuid();

    /// <summary>Line 1 picked up at SEATTLE (completion "pickup.1", 100.00 due, a retry out); line 2 shipped and invoiced.</summary>
    private static CustomerOrder Order()
    {
        var order = CustomerOrder.Create(new OrderCreated("HOU-AAAAA-BBBBB", OrderId, "HOUSTON", "T1", "2001", CustomerType.Consumer,
                [new(1, "81120", 1, new Fulfillment(FulfillmentKind.Pickup, "SEATTLE")), new(2, "82001", 1, new Fulfillment(FulfillmentKind.Ship, "CENTRAL-DC"))],
                new DepositTender("CARD", "VISA", "tok"), 0m, CreationPath.Synchronous, Now, Now, "USD", OrderChannel.Store))
            .Fold(new OrderPriced([new(1, 100m, 0m, 100m), new(2, 50m, 0m, 50m)], 150m, 0m, "USD"))
            .Fold(new OrderConfirmed(Now));
        order = order.Fold(OrderFulfillment.Fulfill(order, "pickup.1", FulfillmentSource.Pickup, "SEATTLE", [new(1, 1)], Now).Fulfilled!);
        order = order.Fold(OrderFulfillment.Fulfill(order, "invoice.1", FulfillmentSource.Invoice, "", [new(2, 1)], Now).Fulfilled!);
        return order
            .Fold(new FulfillmentPaymentRequested("pickup.1", "pickup.1", 100m, null))
            .Fold(new FulfillmentPaymentFailed("pickup.1", "pickup.1", 30m, 70m, "payment.new_tender_required", "no"))
            .Fold(new FulfillmentPaymentRequested("pickup.1", "pickup.1.2", 70m, 2))
            .Fold(new FulfillmentPaymentRequested("invoice.1", "invoice.1", 50m, null));
    }

    [Fact]
    public void PAY9_a_failed_capture_tells_pickup_its_completion_needs_a_new_payment()
    {
        var notice = PickupPaymentNotice.Of(Order(), OrderId, "pickup.1", 30m, 70m, "payment.new_tender_required")!;

        Assert.Equal(("pickup.1", "pickup.1", PickupPaymentOutcome.NewPaymentRequired, 30m, 70m, "payment.new_tender_required"),
            (notice.FulfillmentId, notice.CaptureId, notice.Outcome, notice.Captured, notice.BalanceDue, notice.Code));
    }

    [Fact]
    public void PAY9_a_retry_is_named_by_the_completion_it_pays()
    {
        var notice = PickupPaymentNotice.Of(Order(), OrderId, "pickup.1.2", 70m, 0m, null)!;

        Assert.Equal(("pickup.1", "pickup.1.2", PickupPaymentOutcome.Captured, 70m, 0m, null),
            (notice.FulfillmentId, notice.CaptureId, notice.Outcome, notice.Captured, notice.BalanceDue, notice.Code));
    }

    [Fact]
    public void An_invoice_capture_or_an_unknown_one_tells_pickup_nothing()
    {
        Assert.Null(PickupPaymentNotice.Of(Order(), OrderId, "invoice.1", 50m, 0m, null));
        Assert.Null(PickupPaymentNotice.Of(Order(), OrderId, "pickup.9", 50m, 0m, null));
    }
}
