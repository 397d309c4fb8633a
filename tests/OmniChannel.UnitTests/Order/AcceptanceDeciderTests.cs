using Grpc.Core;
using OmniChannel.Contracts.Pickup;
using OmniChannel.Order.Orders;
using static OmniChannel.UnitTests.Order.OrderFixtures;
using InventoryMessages = OmniChannel.Contracts.Inventory;
using PaymentMessages = OmniChannel.Contracts.Payment;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.UnitTests.Order;

/// <summary>From the stock reservation to a confirmed or rejected order, decided without I/O.</summary>
public class AcceptanceDeciderTests
{
    private static InventoryMessages.StockReserved Reserved(CustomerOrder order) =>
        new() { OrderId = order.OrderId, ConfirmationNumber = order.Id, ReservationId = "r-1" };

    private static PaymentMessages.DepositCaptured Captured(decimal amount, decimal authorized = 0m, bool secondCard = false) => new()
    {
        OrderId = OrderId, Amount = amount, AuthorizationToken = "auth", CaptureToken = amount > 0 ? "cap" : null,
        AuthorizedBalance = authorized, SecondCardRequired = secondCard,
    };

    [Fact]
    public void ORD3_reserved_and_priced_the_order_asks_for_its_deposit_and_the_authorization_of_the_rest()
    {
        var order = Created(20m, OrderChannel.Store, Line(1, FulfillmentKind.Pickup, "SEATTLE"), Line(2, FulfillmentKind.Ship, "CENTRAL-DC"));

        var outcome = AcceptanceDecider.Decide(order, Reserved(order), Priced(order), Now);

        Assert.Equal(OrderNext.TakingDeposit, outcome.Next);
        Assert.Equal(2, outcome.Events.Count);
        Assert.Equal(new StockReserved("r-1"), outcome.Events[0]);
        Assert.Equal((200m, 40m), (((OrderPriced)outcome.Events[1]).Total, ((OrderPriced)outcome.Events[1]).DepositDue));
        var capture = Assert.IsType<PaymentMessages.CaptureDeposit>(Assert.Single(outcome.Commands));
        Assert.Equal((OrderId, "HOU-AAAAA-BBBBB", 40m, 160m, PaymentMessages.SalesChannel.Store, "tok"),
            (capture.OrderId, capture.ConfirmationNumber, capture.Amount, capture.BalanceToAuthorize, capture.Channel, capture.CardToken));
    }

    [Fact]
    public void ORD3_with_nothing_due_at_a_store_the_order_is_confirmed_at_once()
    {
        var order = Created(0m, OrderChannel.Store, Line(1, FulfillmentKind.Ship, "CENTRAL-DC"));

        var outcome = AcceptanceDecider.Decide(order, Reserved(order), Priced(order), Now);

        Assert.Equal(OrderNext.AwaitingFulfillment, outcome.Next);
        Assert.Contains(new OrderConfirmed(Now), outcome.Events);
        Assert.Empty(outcome.Commands);
    }

    [Fact]
    public void PAY3_a_storefront_order_asks_only_for_the_authorization_of_the_whole_order()
    {
        var order = Created(0m, OrderChannel.Online, Line(1, FulfillmentKind.Ship, "CENTRAL-DC"));

        var capture = (PaymentMessages.CaptureDeposit)AcceptanceDecider.Decide(order, Reserved(order), Priced(order), Now).Commands.Single();

        Assert.Equal((0m, 100m, PaymentMessages.SalesChannel.Online), (capture.Amount, capture.BalanceToAuthorize, capture.Channel));
    }

    [Fact]
    public void PUP1_once_confirmed_each_pickup_store_gets_its_own_lines()
    {
        var order = Created(0m, OrderChannel.Store, Line(1, FulfillmentKind.Pickup, "SEATTLE"), Line(2, FulfillmentKind.Pickup, "DALLAS", 2),
            Line(3, FulfillmentKind.Pickup, "SEATTLE"), Line(4, FulfillmentKind.Ship, "CENTRAL-DC"));

        var pickups = AcceptanceDecider.Decide(order, Reserved(order), Priced(order), Now).Commands.Cast<RequestPickup>().ToList();

        Assert.Equal(new[] { "SEATTLE:1,3", "DALLAS:2" }, pickups.Select(p => $"{p.StoreId}:{string.Join(",", p.Lines.Select(l => l.LineId))}"));
        Assert.All(pickups, p => Assert.Equal(DateOnly.FromDateTime(Now.UtcDateTime), p.PickupDate));
    }

    [Fact]
    public void A_cart_pricing_refuses_releases_the_stock_first_and_the_saga_keeps_why()
    {
        var order = Created(20m, OrderChannel.Store, Line(1, FulfillmentKind.Ship, "CENTRAL-DC"));
        var refused = new Refusal("product.not_found", "No price for 80001.");

        var outcome = AcceptanceDecider.Decide(order, Reserved(order), PricingAnswer.RefusedWith(refused), Now);

        Assert.Equal((OrderNext.Releasing, refused), (outcome.Next, outcome.Rejection));
        Assert.Equal(new object[] { new StockReserved("r-1") }, outcome.Events);
        Assert.Equal("product.not_found", Assert.IsType<InventoryMessages.ReleaseStock>(Assert.Single(outcome.Commands)).Reason);
    }

    [Fact]
    public void Pricing_refuses_a_cart_by_its_status_any_other_failure_is_tried_again()
    {
        Assert.Equal(new Refusal("product.not_found", "unknown"), PricingAnswer.RejectionOf(StatusCode.NotFound, "product.not_found", "unknown"));
        Assert.Equal(new Refusal("pricing.refused", "bad"), PricingAnswer.RejectionOf(StatusCode.InvalidArgument, null, "bad"));
        Assert.NotNull(PricingAnswer.RejectionOf(StatusCode.FailedPrecondition, null, ""));
        Assert.NotNull(PricingAnswer.RejectionOf(StatusCode.PermissionDenied, null, ""));
        Assert.Null(PricingAnswer.RejectionOf(StatusCode.Unavailable, null, ""));
        Assert.Null(PricingAnswer.RejectionOf(StatusCode.DeadlineExceeded, null, ""));
    }

    [Fact]
    public void INV7_refused_stock_rejects_the_order_with_inventorys_reason_and_sends_nothing()
    {
        var order = Created(20m, OrderChannel.Store, Line(1, FulfillmentKind.Ship, "CENTRAL-DC"));

        var outcome = AcceptanceDecider.Decide(order, new InventoryMessages.StockReservationFailed
        {
            OrderId = OrderId, ConfirmationNumber = order.Id, Code = "stock.insufficient", Reason = "none left",
        }, Now);

        Assert.Equal(OrderNext.Rejected, outcome.Next);
        Assert.Equal(new object[] { new StockReservationFailed("stock.insufficient", "none left"), new OrderRejected("stock.insufficient", "none left", Now) },
            outcome.Events);
        Assert.Empty(outcome.Commands);
    }

    [Fact]
    public void PAY5_the_swipe_records_the_deposit_and_the_authorized_balance_then_confirms()
    {
        var order = Priced20PercentOf100();

        var outcome = AcceptanceDecider.Decide(order, Captured(20m, authorized: 80m), Now);

        Assert.Equal(OrderNext.AwaitingFulfillment, outcome.Next);
        Assert.Equal(new[] { typeof(DepositCaptured), typeof(BalanceAuthorized), typeof(OrderConfirmed) }, outcome.Events.Select(e => e.GetType()));
        Assert.Equal(80m, ((BalanceAuthorized)outcome.Events[1]).Amount);
    }

    [Fact]
    public void PAY7_a_card_without_a_recurring_token_leaves_the_balance_to_a_second_card()
    {
        var outcome = AcceptanceDecider.Decide(Priced20PercentOf100(), Captured(20m, secondCard: true), Now);

        Assert.Contains(new SecondCardRequired(80m), outcome.Events);
        Assert.DoesNotContain(outcome.Events, e => e is BalanceAuthorized);
    }

    [Fact]
    public void ORD3_an_order_carried_out_in_full_is_completed_at_confirmation_and_its_authorizations_released()
    {
        var order = Created(20m, OrderChannel.Store, Line(1, FulfillmentKind.CarryOut, "HOUSTON"));
        order = order.After(AcceptanceDecider.Decide(order, Reserved(order), Priced(order), Now)); // carry-out: 100.00 due now

        var outcome = AcceptanceDecider.Decide(order, Captured(100m), Now);

        Assert.Equal(OrderNext.Completed, outcome.Next);
        Assert.Contains(outcome.Events, e => e is LinesFulfilled { Source: FulfillmentSource.CarryOut, Due: 0m });
        Assert.Equal(new OrderCompleted(Now), outcome.Events[^1]);
        Assert.IsType<PaymentMessages.ReleaseOrderAuthorizations>(Assert.Single(outcome.Commands));
    }

    [Fact]
    public void ORD3_a_declined_deposit_releases_the_stock_then_the_order_is_rejected_with_the_card_reason()
    {
        var order = Priced20PercentOf100();

        var declined = AcceptanceDecider.Decide(order, new PaymentMessages.DepositDeclined { OrderId = OrderId, Code = "card.declined", Reason = "no" });
        var released = AcceptanceDecider.Decide(order.After(declined), new InventoryMessages.StockReleased { OrderId = OrderId }, declined.Rejection, Now);

        Assert.Equal((OrderNext.Releasing, "card.declined"), (declined.Next, ((InventoryMessages.ReleaseStock)declined.Commands.Single()).Reason));
        Assert.Equal(OrderNext.Rejected, released.Next);
        Assert.Equal(new object[] { new StockReleased(OrderId.ToString()), new OrderRejected("card.declined", "no", Now) }, released.Events);
    }

    private static CustomerOrder Priced20PercentOf100()
    {
        var order = Created(20m, OrderChannel.Store, Line(1, FulfillmentKind.Pickup, "SEATTLE"));
        return order.After(AcceptanceDecider.Decide(order, Reserved(order), Priced(order), Now));
    }
}
