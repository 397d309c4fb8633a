using OmniChannel.Order.Features.CancelOrder;
using OmniChannel.Order.Orders;
using static OmniChannel.UnitTests.Order.OrderFixtures;
using InventoryMessages = OmniChannel.Contracts.Inventory;
using PaymentMessages = OmniChannel.Contracts.Payment;
using PickupMessages = OmniChannel.Contracts.Pickup;

namespace OmniChannel.UnitTests.Order;

/// <summary>
/// ORD-7 / PUP-2: some lines of a confirmed order cancelled, decided without I/O (see <see cref="OrderFixtures.Confirmed"/>:
/// line 1 one picked up at SEATTLE, line 2 two shipped from CENTRAL-DC).
/// </summary>
public class LineCancellationDeciderTests
{
    private static LineToCancel L(int lineId, int quantity) => new(lineId, quantity);

    private static CancelOrderLines Cancel(string id, params LineToCancel[] lines) =>
        new() { OrderId = OrderId, CancellationId = id, Lines = lines, Reason = "customer changed their mind", ChargePercentIfWhole = 10m };

    [Fact]
    public void PUP2_cancelled_units_are_no_longer_open_their_stock_goes_back_and_their_pickup_lines_are_cancelled()
    {
        var order = Created(20m, OrderChannel.Store, Line(1, FulfillmentKind.Pickup, "SEATTLE", 3), Line(2, FulfillmentKind.Ship, "CENTRAL-DC"));
        order = order.After(AcceptanceDecider.Decide(order,
            new InventoryMessages.StockReserved { OrderId = OrderId, ConfirmationNumber = order.Id, ReservationId = "r" }, Priced(order), Now));
        order = order.After(AcceptanceDecider.Decide(order, new PaymentMessages.DepositCaptured
        {
            OrderId = OrderId, Amount = 80m, AuthorizationToken = "auth", CaptureToken = "cap", AuthorizedBalance = 320m,
        }, Now));

        var outcome = LineCancellationDecider.Decide(order, Cancel("c1", L(1, 1)), Now);
        var after = order.After(outcome);

        Assert.Equal(OrderNext.Unchanged, outcome.Next);
        Assert.Equal(new LinesCancelled("c1", [L(1, 1)], "customer changed their mind", Now), Assert.Single(outcome.Events),
            new LinesCancelledComparer());
        Assert.Equal((2, 1), (after.OpenQuantity(after.Lines[0]), after.OpenQuantity(after.Lines[1])));
        Assert.Equal(OrderStatus.Confirmed, after.Status);
        var release = Assert.IsType<InventoryMessages.ReleaseStockLines>(outcome.Commands[0]);
        Assert.Equal(("c1", 1, "80001", 1), (release.ReleaseId, release.Lines.Single().LineId, release.Lines.Single().Sku, release.Lines.Single().Quantity));
        var pickup = Assert.IsType<PickupMessages.CancelPickupLines>(outcome.Commands[1]);
        Assert.Equal(("c1", 1, 1), (pickup.CancellationId, pickup.Lines.Single().LineId, pickup.Lines.Single().Quantity));
        Assert.Equal(OrderNext.Unchanged, LineCancellationDecider.Decide(after, Cancel("c1", L(1, 1)), Now).Next);
        Assert.Empty(LineCancellationDecider.Decide(after, Cancel("c1", L(1, 1)), Now).Events); // the same cancellation again
    }

    [Fact]
    public void ORD7_a_ship_line_cancelled_releases_its_stock_and_tells_no_pickup()
    {
        var outcome = LineCancellationDecider.Decide(Confirmed(), Cancel("c1", L(2, 1)), Now);

        Assert.IsType<InventoryMessages.ReleaseStockLines>(Assert.Single(outcome.Commands));
    }

    [Fact]
    public void ORD7_everything_open_cancelled_before_anything_left_is_the_whole_cancellation_with_its_charge()
    {
        var outcome = LineCancellationDecider.Decide(Confirmed(), Cancel("c1", L(1, 1), L(2, 2)), Now);

        Assert.Equal(OrderNext.ReleasingForCancellation, outcome.Next);
        Assert.Equal(new CancellationRequested("c1", 10m, 30m, Now), Assert.Single(outcome.Events));
        Assert.Contains(outcome.Commands, c => c is InventoryMessages.ReleaseStock);
    }

    [Fact]
    public void ORD7_the_rest_cancelled_once_the_other_goods_left_and_were_paid_completes_the_order()
    {
        var order = Confirmed();
        order = order.After(FulfillmentDecider.Decide(order, new GoodsLeaving("pickup.1", FulfillmentSource.Pickup, "SEATTLE", [new LineQuantity(1, 1)], null), Now));
        order = order.After(FulfillmentDecider.Decide(order,
            new PaymentMessages.FulfillmentPaymentCaptured { OrderId = OrderId, FulfillmentId = "pickup.1", Captured = 40m, CaptureTokens = ["cap"] }, Now));
        Assert.Equal(OrderStatus.PartiallyFulfilled, order.Status);

        var outcome = LineCancellationDecider.Decide(order, Cancel("c1", L(2, 2)), Now);

        Assert.Equal(OrderNext.Completed, outcome.Next);
        Assert.Contains(outcome.Events, e => e is OrderCompleted);
        Assert.Contains(outcome.Commands, c => c is PaymentMessages.ReleaseOrderAuthorizations);
        Assert.DoesNotContain(outcome.Commands, c => c is PaymentMessages.CaptureFulfillmentPayment); // cancelled goods are never captured
        Assert.Equal(100m, MoneyAgreement.CompletedAt(order.After(outcome))); // the reconciliation expects what left, not the total of 300
    }

    [Theory]
    [InlineData(9, 1, "customer", "line_cancellation.line_unknown")]
    [InlineData(2, 3, "customer", "line_cancellation.quantity_over_open")]
    [InlineData(2, 0, "customer", "line_cancellation.quantity_invalid")]
    [InlineData(2, 1, " ", "line_cancellation.reason_required")]
    public void ORD7_a_line_cancellation_the_order_cannot_take_is_refused_and_recorded(int lineId, int quantity, string reason, string code)
    {
        var cancel = Cancel("c1", new LineToCancel(lineId, quantity)) with { Reason = reason };

        var outcome = LineCancellationDecider.Decide(Confirmed(), cancel, Now);

        Assert.Equal(code, LineCancellationDecider.Check(Confirmed(), cancel.Lines, cancel.Reason)?.Code);
        Assert.Equal(code, Assert.IsType<LineCancellationRefused>(Assert.Single(outcome.Events)).Code);
        Assert.Empty(outcome.Commands);
    }

    [Fact]
    public void ORD7_a_unit_cancelled_cannot_be_picked_up()
    {
        var order = Confirmed().After(LineCancellationDecider.Decide(Confirmed(), Cancel("c1", L(2, 1)), Now));

        Assert.Equal("line_cancellation.quantity_over_open", LineCancellationDecider.Check(order, [L(2, 2)], "again")?.Code);
        Assert.Equal(1, order.OpenQuantity(order.Lines[1]));
    }

    [Fact]
    public void PUP5_an_ended_pickup_of_a_mixed_order_cancels_its_lines_and_one_holding_everything_cancels_the_order()
    {
        var order = Confirmed();
        var seattle = new PickupMessages.PickupLine { LineId = 1, Sku = "80001", Quantity = 1 };

        var (mixed, _) = EndedPickupCancellation.Decide(order, "p1", [seattle], "pickup.not_possible", 0m);
        var whole = Created(0m, OrderChannel.Store, Line(1, FulfillmentKind.Pickup, "SEATTLE"));
        whole = whole.After(AcceptanceDecider.Decide(whole,
            new InventoryMessages.StockReserved { OrderId = OrderId, ConfirmationNumber = whole.Id, ReservationId = "r" }, Priced(whole), Now));
        var (all, _) = EndedPickupCancellation.Decide(whole, "p1", [seattle], "pickup.not_possible", 0m);

        var lines = Assert.IsType<CancelOrderLines>(mixed);
        Assert.Equal(("p1", new LineToCancel(1, 1)), (lines.CancellationId, Assert.Single(lines.Lines)));
        Assert.Equal("p1", Assert.IsType<CancelCustomerOrder>(all).CancellationId);
    }

    /// <summary>Records holding lists compare by reference: compare their content.</summary>
    private sealed class LinesCancelledComparer : IEqualityComparer<object>
    {
        public new bool Equals(object? x, object? y) => x is LinesCancelled a && y is LinesCancelled b
            && (a.CancellationId, a.Reason, a.At) == (b.CancellationId, b.Reason, b.At) && a.Lines.SequenceEqual(b.Lines);

        public int GetHashCode(object obj) => 0;
    }
}
