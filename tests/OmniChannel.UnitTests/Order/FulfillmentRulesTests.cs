using OmniChannel.Order.Features.MasterData;
using OmniChannel.Order.Orders;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.UnitTests.Order;

/// <summary>What goods leaving cost and what is left to capture (PUP-4, PAY-3 … PAY-6), and when an order can be cancelled (ORD-8).</summary>
public class FulfillmentRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 15, 0, 0, TimeSpan.Zero);

    /// <summary>Line 1: 3 picked up at SEATTLE (100.00); line 2: 1 shipped (50.00); line 3: 1 carried out (10.00).</summary>
    private static CustomerOrder Confirmed(decimal depositPaid, OrderChannel channel = OrderChannel.Store) =>
        CustomerOrder.Create(new OrderCreated("HOU-AAAAA-BBBBB", Guid.NewGuid(), "HOUSTON", "T1", "2001", CustomerType.Consumer,
                [
                    new(1, "81120", 3, new Fulfillment(FulfillmentKind.Pickup, "SEATTLE")),
                    new(2, "82001", 1, new Fulfillment(FulfillmentKind.Ship, "CENTRAL-DC")),
                    new(3, "86002", 1, new Fulfillment(FulfillmentKind.CarryOut, "HOUSTON")),
                ],
                new DepositTender("CARD", "VISA", "tok"), 20m, CreationPath.Synchronous, Now, Now, "USD", channel))
            .Fold(new OrderPriced([new(1, 33.33m, 0m, 100.00m), new(2, 50m, 0m, 50.00m), new(3, 10m, 0m, 10.00m)], 160.00m, depositPaid, "USD"))
            .Fold(new DepositCaptured(depositPaid, "auth", "cap"))
            .Fold(new OrderConfirmed(Now));

    private static (LinesFulfilled? Fulfilled, Refusal? Refusal) Pickup(CustomerOrder order, string id, params LineQuantity[] lines) =>
        OrderFulfillment.Fulfill(order, id, FulfillmentSource.Pickup, "SEATTLE", lines, Now);

    [Fact]
    public void ORD3_carried_out_lines_are_fulfilled_at_confirmation_and_paid_by_the_deposit()
    {
        var order = Confirmed(depositPaid: 40.00m); // 10.00 carried out + 20 % of 150.00

        var carriedOut = OrderFulfillment.CarryOut(order, Now)!;

        Assert.Equal((10.00m, 10.00m, 0m), (carriedOut.Value, carriedOut.PaidAhead, carriedOut.Due));
        Assert.Equal(30.00m, order.Fold(carriedOut).PaidAheadLeft);
    }

    [Fact]
    public void PAY5_the_deposit_pays_first_and_partial_pickups_of_a_line_add_up_to_its_net_amount_to_the_cent()
    {
        var order = Confirmed(depositPaid: 40.00m);
        order = order.Fold(OrderFulfillment.CarryOut(order, Now)!);

        var first = Pickup(order, "pickup.1", new LineQuantity(1, 1)).Fulfilled!;
        order = order.Fold(first);
        var second = Pickup(order, "pickup.2", new LineQuantity(1, 2)).Fulfilled!;

        Assert.Equal((33.33m, 30.00m, 3.33m), (first.Value, first.PaidAhead, first.Due));
        Assert.Equal((66.67m, 0m, 66.67m), (second.Value, second.PaidAhead, second.Due));
        Assert.Equal(100.00m, first.Value + second.Value);
    }

    [Fact]
    public void PAY3_a_storefront_order_owes_the_whole_value_of_the_goods_at_pickup()
    {
        var (fulfilled, _) = Pickup(Confirmed(depositPaid: 0m, OrderChannel.Online), "pickup.1", new LineQuantity(1, 3));

        Assert.Equal((100.00m, 0m, 100.00m), (fulfilled!.Value, fulfilled.PaidAhead, fulfilled.Due));
    }

    [Fact]
    public void PAY5_a_100_percent_deposit_leaves_nothing_to_capture()
    {
        var (fulfilled, _) = Pickup(Confirmed(depositPaid: 160.00m), "pickup.1", new LineQuantity(1, 3));

        Assert.Equal((100.00m, 0m), (fulfilled!.PaidAhead, fulfilled.Due));
    }

    [Fact]
    public void PAY6_an_invoice_takes_only_shipped_lines_and_names_where_they_ship_from()
    {
        var order = Confirmed(depositPaid: 0m);

        var (invoiced, _) = OrderFulfillment.Fulfill(order, "invoice.INV-1", FulfillmentSource.Invoice, "", [new(2, 1)], Now);
        var (_, refusal) = OrderFulfillment.Fulfill(order, "invoice.INV-2", FulfillmentSource.Invoice, "", [new(1, 1)], Now);

        Assert.Equal(("CENTRAL-DC", 50.00m), (invoiced!.LocationId, invoiced.Due));
        Assert.Equal("fulfillment.line_not_shipped", refusal!.Code);
    }

    [Theory]
    [InlineData(1, 4, "fulfillment.quantity_invalid")]
    [InlineData(1, 0, "fulfillment.quantity_invalid")]
    [InlineData(9, 1, "fulfillment.line_unknown")]
    [InlineData(2, 1, "fulfillment.line_not_picked_up_here")]
    public void PUP4_what_a_pickup_hands_over_must_be_open_pickup_lines_of_that_store(int lineId, int quantity, string code) =>
        Assert.Equal(code, Pickup(Confirmed(40.00m), "pickup.1", new LineQuantity(lineId, quantity)).Refusal?.Code);

    [Fact]
    public void PUP4_goods_already_handed_over_cannot_be_handed_over_again()
    {
        var order = Confirmed(40.00m);
        order = order.Fold(Pickup(order, "pickup.1", new LineQuantity(1, 2)).Fulfilled!);

        Assert.Equal("fulfillment.quantity_invalid", Pickup(order, "pickup.2", new LineQuantity(1, 2)).Refusal?.Code);
        Assert.Null(Pickup(order, "pickup.2", new LineQuantity(1, 1)).Refusal);
    }

    [Fact]
    public void An_order_is_complete_once_every_line_is_fulfilled_and_every_capture_answered_and_paid()
    {
        var order = Confirmed(40.00m);
        order = order.Fold(OrderFulfillment.CarryOut(order, Now)!);                                                      // 10.00, deposit left 30.00
        order = order.Fold(OrderFulfillment.Fulfill(order, "invoice.1", FulfillmentSource.Invoice, "", [new(2, 1)], Now).Fulfilled!); // 50.00: 20.00 due
        order = order.Fold(Pickup(order, "pickup.1", new LineQuantity(1, 3)).Fulfilled!);                                // 100.00 due
        order = order.Fold(new FulfillmentPaymentRequested("invoice.1", "invoice.1", 20.00m, null))
            .Fold(new FulfillmentPaymentCaptured("invoice.1", "invoice.1", 20.00m, ["cap-1"]))
            .Fold(new FulfillmentPaymentRequested("pickup.1", "pickup.1", 100.00m, null));
        Assert.True(order.EveryLineFulfilled);
        Assert.False(order.ReadyToComplete); // a capture is out

        order = order.Fold(new FulfillmentPaymentFailed("pickup.1", "pickup.1", 30.00m, 70.00m, "payment.new_tender_required", "no"));
        var pickup = order.Fulfilled.Single(f => f.Id == "pickup.1");
        Assert.True(pickup.NewPaymentRequired); // PAY-9: the terminal takes a new payment
        Assert.Equal((70.00m, "pickup.1.2"), (order.BalanceDue, OrderFulfillment.NextAttemptId(pickup)));
        Assert.False(order.ReadyToComplete);

        order = order.Fold(new FulfillmentPaymentRequested("pickup.1", "pickup.1.2", 70.00m, 2))
            .Fold(new FulfillmentPaymentCaptured("pickup.1", "pickup.1.2", 70.00m, ["cap-2"]));

        Assert.Equal("pickup.1", OrderFulfillment.OfAttempt(order, "pickup.1.2")!.Id);
        Assert.Equal((0m, 100.00m), (order.BalanceDue, order.Fulfilled.Single(f => f.Id == "pickup.1").Captured));
        Assert.True(order.ReadyToComplete);
    }

    [Theory]
    [InlineData(null, 10.0, 16.00)]
    [InlineData(5.0, 5.0, 8.00)]
    [InlineData(0.0, 0.0, 0.00)]
    public void ORD8_the_cancellation_charge_is_the_percent_of_the_order_total_the_cashier_may_adjust(double? percent, double expectedPercent,
        double expectedCharge)
    {
        var order = Confirmed(depositPaid: 30.00m) with { Lines = Confirmed(30.00m).Lines.Where(l => l.Fulfillment.Kind != FulfillmentKind.CarryOut).ToList() };

        var (chosen, charge, refusal) = CancellationDecider.Charge(order, (decimal?)percent, defaultPercent: 10m);

        Assert.Null(refusal);
        Assert.Equal(((decimal)expectedPercent, (decimal)expectedCharge), (chosen, charge));
    }

    [Fact]
    public void ORD8_an_order_is_cancelled_only_while_nothing_has_left_it()
    {
        var order = Confirmed(30.00m);
        var pickupOnly = order with { Lines = order.Lines.Take(1).ToList() };

        Assert.Equal("cancellation.charge_percent_invalid", CancellationDecider.Charge(pickupOnly, 101m, 10m).Refusal?.Code);
        Assert.Equal("cancellation.charge_percent_invalid", CancellationDecider.Charge(pickupOnly, -1m, 10m).Refusal?.Code);
        Assert.Equal("order.partially_fulfilled", CancellationDecider.Charge(order.Fold(OrderFulfillment.CarryOut(order, Now)!), null, 10m).Refusal?.Code);
        Assert.Equal("order.completed", CancellationDecider.Charge(pickupOnly.Fold(new OrderCompleted(Now)), null, 10m).Refusal?.Code);
        Assert.Equal("order.cancelled", CancellationDecider.Charge(pickupOnly.Fold(new CancellationRequested("c", 10m, 10m, Now)), null, 10m).Refusal?.Code);
        Assert.True(CancellationDecider.Charge(pickupOnly.Fold(new OrderCancelled(Now)), null, 10m).Refusal!.IsConflict);
    }

    [Theory]
    [InlineData(OrderChannel.Store, 160.00, 32.00, 128.00)]
    [InlineData(OrderChannel.Store, 160.00, 160.00, 0)]
    [InlineData(OrderChannel.Store, 160.00, 0, 0)]
    [InlineData(OrderChannel.Online, 160.00, 0, 160.00)]
    [InlineData(OrderChannel.CallCenter, 160.00, 32.00, 128.00)]
    public void PAY3_PAY4_PAY5_what_is_authorized_at_order_time_for_pickup_or_invoicing(OrderChannel channel, double total, double deposit,
        double expected) =>
        Assert.Equal((decimal)expected, Deposit.BalanceToAuthorize(channel, (decimal)total, (decimal)deposit));

    [Fact]
    public void PAY3_the_storefront_takes_no_deposit_and_a_store_cashier_may_override_it()
    {
        Assert.Equal(0m, Deposit.PercentFor(OrderChannel.Online, CustomerType.Consumer, 20m));
        Assert.Equal(20m, Deposit.PercentFor(OrderChannel.CallCenter, CustomerType.Consumer, 20m));
        Assert.Equal(0m, Deposit.PercentFor(OrderChannel.CallCenter, CustomerType.Business, 20m));
        Assert.Equal(100m, Deposit.PercentFor(OrderChannel.Store, CustomerType.Consumer, 20m, overridePercent: 100m));
    }

    [Fact]
    public void PAY7_a_swipe_without_recurring_token_records_the_balance_waiting_for_a_second_card()
    {
        var facts = PaymentAtOrder.Facts(20m, "auth", "cap", authorizedBalance: 0m, null, secondCardRequired: true, balanceToAuthorize: 80m);

        Assert.Equal([new DepositCaptured(20m, "auth", "cap"), new SecondCardRequired(80m)], facts);
    }
}
