using OmniChannel.Order.Features.CancelOrder;
using OmniChannel.Order.Orders;
using static OmniChannel.UnitTests.Order.OrderFixtures;
using InventoryMessages = OmniChannel.Contracts.Inventory;
using PaymentMessages = OmniChannel.Contracts.Payment;
using PickupMessages = OmniChannel.Contracts.Pickup;

namespace OmniChannel.UnitTests.Order;

/// <summary>A confirmed order cancelled, decided without I/O (see <see cref="OrderFixtures.Confirmed"/>: 300.00).</summary>
public class CancellationDeciderTests
{
    private static CancelCustomerOrder Cancel(string id, decimal percent = 10m) => new() { OrderId = OrderId, CancellationId = id, ChargePercent = percent };

    [Fact]
    public void ORD8_a_cancellation_cancels_the_pickups_releases_the_stock_then_settles_with_the_charge_then_cancels_the_order()
    {
        var order = Confirmed();
        var accepted = CancellationDecider.Decide(order, Cancel("x1"), Now);
        order = order.After(accepted);
        var released = CancellationDecider.Decide(order, new InventoryMessages.StockReleased { OrderId = OrderId });
        order = order.After(released);
        var settled = CancellationDecider.Decide(order,
            new PaymentMessages.OrderPaymentsSettled { OrderId = OrderId, CancellationId = "x1", Refunded = 30m, Retained = 30m }, Now);

        Assert.Equal(OrderNext.ReleasingForCancellation, accepted.Next);
        Assert.Equal(new CancellationRequested("x1", 10m, 30m, Now), Assert.Single(accepted.Events));
        Assert.Equal(new[] { typeof(PickupMessages.CancelPickup), typeof(InventoryMessages.ReleaseStock) }, accepted.Commands.Select(c => c.GetType()));
        Assert.Equal(OrderNext.SettlingCancellation, released.Next);
        var settle = Assert.IsType<PaymentMessages.SettleCancelledOrderPayments>(Assert.Single(released.Commands));
        Assert.Equal(("x1", 30m, "USD"), (settle.CancellationId, settle.CancellationCharge, settle.Currency));
        Assert.Equal(OrderNext.Cancelled, settled.Next);
        Assert.Equal(new object[] { new CancellationSettled("x1", 30m, 30m), new OrderCancelled(Now) }, settled.Events);
    }

    [Fact]
    public void ORD8_an_order_without_pickup_lines_has_no_pickup_to_cancel()
    {
        var order = Created(0m, OrderChannel.Store, Line(1, FulfillmentKind.Ship, "CENTRAL-DC"));
        order = order.After(AcceptanceDecider.Decide(order,
            new InventoryMessages.StockReserved { OrderId = OrderId, ConfirmationNumber = order.Id, ReservationId = "r" }, Priced(order), Now));

        var accepted = CancellationDecider.Decide(order, Cancel("x1"), Now);

        Assert.IsType<InventoryMessages.ReleaseStock>(Assert.Single(accepted.Commands));
    }

    [Fact]
    public void ORD8_an_order_whose_goods_left_is_not_cancelled_and_the_refusal_is_recorded()
    {
        var order = Confirmed();
        order = order.After(FulfillmentDecider.Decide(order, new GoodsLeaving("pickup.1", FulfillmentSource.Pickup, "SEATTLE", [new(1, 1)], null), Now));

        var refused = CancellationDecider.Decide(order, Cancel("x1"), Now);

        Assert.Equal(OrderNext.Unchanged, refused.Next);
        Assert.Equal("order.partially_fulfilled", Assert.IsType<CancellationRefused>(Assert.Single(refused.Events)).Code);
        Assert.Empty(refused.Commands);
    }

    [Fact]
    public void ORD8_while_the_order_is_cancelled_goods_and_a_second_cancellation_are_refused()
    {
        var order = Confirmed();
        order = order.After(CancellationDecider.Decide(order, Cancel("x1"), Now));

        var goods = CancellationDecider.WhileCancelling(order, new GoodsLeaving("pickup.late", FulfillmentSource.Pickup, "SEATTLE", [new(1, 1)], null));
        var second = CancellationDecider.WhileCancelling(order, Cancel("x2"));

        var refusedGoods = Assert.IsType<FulfillmentRefused>(Assert.Single(goods.Events));
        var refusedAgain = Assert.IsType<CancellationRefused>(Assert.Single(second.Events));
        Assert.Equal(("pickup.late", "order.cancelled"), (refusedGoods.FulfillmentId, refusedGoods.Code));
        Assert.Equal(("x2", "order.cancelled"), (refusedAgain.CancellationId, refusedAgain.Code));
        Assert.Empty(goods.Commands.Concat(second.Commands));
    }
}
