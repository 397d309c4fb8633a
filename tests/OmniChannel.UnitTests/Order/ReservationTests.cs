using OmniChannel.Contracts.Pickup;
using OmniChannel.Order.Ecommerce;
using OmniChannel.Order.Features.EcommerceOrders;
using OmniChannel.Order.Features.MasterData;
using OmniChannel.Order.Orders;
using static OmniChannel.UnitTests.Order.OrderFixtures;
using InventoryMessages = OmniChannel.Contracts.Inventory;

namespace OmniChannel.UnitTests.Order;

/// <summary>PUP-9: a storefront's reservation (reserve online, pay in store) and the e-commerce order's way to Completed, without I/O.</summary>
public class ReservationTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 15, 0, 0, TimeSpan.Zero);

    private static string Payload(string payment) => """
        {"type":"order.created","order":{"number":"WEB-9","placedAt":"2026-12-07T14:00:00Z","pickupStoreId":"HOUSTON","currency":"USD",
         "customer":{"email":"karen.berg@example.com","name":"Karen Berg"},"lines":[{"upc":"012345678905","quantity":1,"unitPrice":99.00}],
        """ + payment + "}}";

    [Fact]
    public void PUP9_a_payment_of_kind_reserve_is_a_reservation_and_a_card_hold_is_read_as_before()
    {
        var (reserved, problem) = StorefrontPayload.Read(Payload("""  "payment":{"kind":"reserve"}"""));
        Assert.Null(problem);
        Assert.True(reserved!.IsReservation);

        var (card, _) = StorefrontPayload.Read(Payload("""  "payment":{"cardTypeId":"VISA","cardToken":"tok_visa_4242"}"""));
        var (namedCard, _) = StorefrontPayload.Read(Payload("""  "payment":{"kind":"card","cardTypeId":"VISA","cardToken":"tok_visa_4242"}"""));
        Assert.Equal(new StorefrontPayment("VISA", "tok_visa_4242"), card!.Payment);
        Assert.Equal(card.Payment, namedCard!.Payment);
    }

    [Theory]
    [InlineData("""  "payment":{"kind":"reserve","cardTypeId":"VISA","cardToken":"tok_visa_4242"}""")] // a reservation carries no card
    [InlineData("""  "payment":{"kind":"cash"}""")]
    [InlineData("""  "payment":{"kind":"card"}""")]
    [InlineData("""  "payment":null""")] // no payment named is not read as a reservation: a storefront says so
    public void PUP9_a_payment_that_is_neither_a_card_hold_nor_a_reservation_is_Process_Sale_Failed(string payment)
    {
        var (order, problem) = StorefrontPayload.Read(Payload(payment));
        Assert.Null(order);
        Assert.Contains("order.payment", problem);
    }

    [Fact]
    public void PUP9_a_reservation_without_a_card_is_confirmed_at_once_asks_the_store_for_its_pickup_and_takes_no_payment()
    {
        var order = CustomerOrder.Create(new OrderCreated("HOU-AAAAA-BBBBB", OrderId, "HOUSTON", "storefront", "2001", CustomerType.Consumer,
            [Line(1, FulfillmentKind.Pickup, "HOUSTON")], null, 0m, CreationPath.Synchronous, Now, Now, "USD", OrderChannel.Online));

        var outcome = AcceptanceDecider.Decide(order, new InventoryMessages.StockReserved { OrderId = OrderId, ConfirmationNumber = order.Id, ReservationId = "r" },
            Priced(order), Now);

        Assert.Equal(OrderNext.AwaitingFulfillment, outcome.Next);
        Assert.Contains(new OrderConfirmed(Now), outcome.Events);
        Assert.IsType<RequestPickup>(Assert.Single(outcome.Commands)); // no CaptureDeposit: nothing authorized
        var confirmed = order.After(outcome);
        Assert.Equal((100m, 0m, 0m), (confirmed.Total, confirmed.DepositPaid, confirmed.AuthorizedBalance));
    }

    private static EcommerceOrder Sold(EcommerceStatus status)
    {
        var placed = new StorefrontOrder("WEB-9", At.AddHours(-1), "HOUSTON", "USD",
            new StorefrontCustomer(null, "karen.berg@example.com", "Karen Berg", null, false, null),
            [new StorefrontLine(1, "012345678905", null, null, 1, 99m)], Payment: null);
        var order = EcommerceOrder.Fold(null, [new StorefrontOrderReceived("ECM-web-WEB-9", "web", "wh_9", placed, At),
            new EcommerceCustomerMatched("2001", CustomerMatch.Email), new EcommerceLineMatched(1, "81120", ProductMatch.Upc), new EcommerceSaleCreated("HOU-1", At)]);
        return order with { Status = status };
    }

    [Theory]
    [InlineData(EcommerceStatus.New, true)]
    [InlineData(EcommerceStatus.InProcess, true)]
    [InlineData(EcommerceStatus.ReadyForPickup, false)] // moved there by hand: notified then
    [InlineData(EcommerceStatus.Completed, false)]
    [InlineData(EcommerceStatus.Rejected, false)]
    [InlineData(EcommerceStatus.ProcessSaleFailed, false)]
    public void PUP9_on_the_hanger_an_open_order_is_Ready_for_Pickup_and_that_notifies_the_customer(EcommerceStatus from, bool moves)
    {
        var events = EcommerceDecider.ReadyForCollection(Sold(from), "HOU-1", At);

        Assert.Equal(moves, events.Length == 1);
        Assert.Equal(moves, EcommerceDecider.NotifiesReadyForPickup(events));
        Assert.Equal(moves ? EcommerceStatus.ReadyForPickup : from, EcommerceOrder.Fold(Sold(from), events).Status);
        Assert.Empty(EcommerceDecider.ReadyForCollection(Sold(EcommerceStatus.InProcess), "HOU-2", At)); // another sale's pickup
        Assert.True(EcommerceDecider.NotifiesReadyForPickup(EcommerceDecider.Move(Sold(EcommerceStatus.InProcess), EcommerceStatus.ReadyForPickup, "1002", At).Events));
    }

    [Theory]
    [InlineData(EcommerceStatus.New, true)]
    [InlineData(EcommerceStatus.InProcess, true)]
    [InlineData(EcommerceStatus.ReadyForPickup, true)]
    [InlineData(EcommerceStatus.Completed, false)]
    [InlineData(EcommerceStatus.Archived, false)]
    [InlineData(EcommerceStatus.Rejected, false)]
    public void PUP9_a_sale_handed_over_and_paid_completes_an_order_still_open_on_the_screen(EcommerceStatus from, bool completes)
    {
        var events = EcommerceDecider.SaleCompleted(Sold(from), "HOU-1", At);

        Assert.Equal(completes ? EcommerceStatus.Completed : from, EcommerceOrder.Fold(Sold(from), events).Status);
        Assert.Empty(EcommerceDecider.SaleCompleted(Sold(EcommerceStatus.ReadyForPickup), "HOU-2", At));
    }

    [Fact]
    public void PUP9_the_ready_for_pickup_webhook_names_the_order_and_how_it_is_paid_with_one_id_per_order()
    {
        var url = new Uri("https://shop.example/omnichannel/webhooks");

        var reservation = ReadyForPickupNotice.Delivery(Sold(EcommerceStatus.ReadyForPickup), url, At);
        var card = ReadyForPickupNotice.Delivery(Sold(EcommerceStatus.ReadyForPickup) with
        {
            Order = Sold(EcommerceStatus.ReadyForPickup).Order! with { Payment = new StorefrontPayment("VISA", "tok") },
        }, url, At);

        Assert.Equal(("ready_ECM-web-WEB-9", "web", "order.ready_for_pickup", url.ToString()), (reservation.Id, reservation.StorefrontId, reservation.Type, reservation.Url));
        using var body = System.Text.Json.JsonDocument.Parse(reservation.Body);
        var order = body.RootElement.GetProperty("order");
        Assert.Equal(("order.ready_for_pickup", "WEB-9", "HOU-1", "HOUSTON", "reserve"), (body.RootElement.GetProperty("type").GetString(),
            order.GetProperty("number").GetString(), order.GetProperty("confirmationNumber").GetString(), order.GetProperty("pickupStoreId").GetString(),
            order.GetProperty("payment").GetString()));
        Assert.Contains("\"payment\":\"card\"", card.Body);
        Assert.DoesNotContain("tok", card.Body); // never a card token to the storefront
    }

    [Fact]
    public void PUP9_only_an_online_order_s_completion_tells_the_e_commerce_orders()
    {
        var online = CustomerOrder.Create(new OrderCreated("HOU-1", OrderId, "HOUSTON", "storefront", "2001", CustomerType.Consumer, [], null, 0m,
            CreationPath.Synchronous, Now, Now, "USD", OrderChannel.Online));

        Assert.Equal("HOU-1", Assert.Single(OnlineSaleCompleted.Of(online, [new OrderCompleted(Now)])).ConfirmationNumber);
        Assert.Empty(OnlineSaleCompleted.Of(online, [new OrderConfirmed(Now)]));
        Assert.Empty(OnlineSaleCompleted.Of(online with { Channel = OrderChannel.Store }, [new OrderCompleted(Now)]));
    }
}
