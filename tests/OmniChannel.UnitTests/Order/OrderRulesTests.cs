using OmniChannel.Contracts.Inventory;
using OmniChannel.Order.Features.CreateOrder;
using OmniChannel.Order.Features.MasterData;
using OmniChannel.Order.Orders;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.UnitTests.Order;

public class OrderRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static readonly OrderReferenceData Data = new(
        new StoreSettings("HOUSTON", "Houston store", "HOUSTON", "CENTRAL-DC", "US-STORES", "USD", OrderCreationMode.AsyncRealTimeFirst),
        new Customer("2001", "Karen Berg", CustomerType.Consumer, "karen.berg@example.com", null, []),
        new FulfillmentGroup("US-STORES", [new("HOUSTON", true, true), new("SEATTLE", true, true), new("CENTRAL-DC", true, false)]),
        new CustomerOrderParameters("default", "SalesOrder", 20m, 10m, "CXL", "SHIP", "PICKUP", "CARRYOUT", ["STANDARD", "OVERNIGHT"]),
        new Dictionary<string, ProductInfo>
        {
            ["81120"] = new("81120", "Trail running shoe", false, 1),
            ["90001"] = new("90001", "Extended warranty", true, 1),
        },
        new HashSet<string> { "VISA", "MC" });

    private static readonly ShippingAddress Home = new("18 Westheimer Rd", "Houston", "TX", "77006", "US");

    private static CreateOrderRequest Order(params CreateOrderLine[] lines) =>
        new("HOUSTON", "T1", "2001", lines, new DepositTenderRequest("CARD", "VISA", "tok_visa_4242"));

    private static CreateOrderLine Line(FulfillmentRequest fulfillment, string sku = "81120", int quantity = 1) => new(sku, quantity, fulfillment);

    private static string? Refusal(CreateOrderRequest request, OrderReferenceData? data = null) =>
        OrderRules.Validate(request, data ?? Data, Today).Refusal?.Code;

    [Fact]
    public void ORD1_a_mixed_cart_resolves_every_line_to_the_warehouse_it_takes_stock_from()
    {
        var (order, refusal) = OrderRules.Validate(Order(
            Line(new("pickup", StoreId: "SEATTLE", Date: Today.AddDays(2))),
            Line(new("ship", Address: Home)),
            Line(new("carryOut"))), Data, Today);

        Assert.Null(refusal);
        Assert.Equal([(FulfillmentKind.Pickup, "SEATTLE"), (FulfillmentKind.Ship, "CENTRAL-DC"), (FulfillmentKind.CarryOut, "HOUSTON")],
            order!.Lines.Select(l => (l.Fulfillment.Kind, l.Fulfillment.LocationId)));
        Assert.Equal([1, 2, 3], order.Lines.Select(l => l.LineId));
        Assert.Equal("STANDARD", order.Lines[1].Fulfillment.ModeOfDelivery);
        Assert.Equal(20m, order.DepositPercent);
    }

    [Fact]
    public void INV6_a_pickup_at_a_location_that_does_not_serve_pickup_is_refused() =>
        Assert.Equal("fulfillment.pickup_location_not_allowed", Refusal(Order(Line(new("pickup", StoreId: "CENTRAL-DC")))));

    [Fact]
    public void INV6_a_pickup_store_outside_the_fulfillment_group_is_refused() =>
        Assert.Equal("fulfillment.pickup_location_not_allowed", Refusal(Order(Line(new("pickup", StoreId: "DALLAS")))));

    [Fact]
    public void INV6_shipping_from_a_location_outside_the_group_is_refused() =>
        Assert.Equal("fulfillment.ship_from_not_allowed", Refusal(Order(Line(new("ship", ShipFromLocationId: "PORTLAND", Address: Home)))));

    [Theory]
    [InlineData(0, "line.quantity_invalid")]
    [InlineData(-1, "line.quantity_invalid")]
    public void A_quantity_below_one_is_refused(int quantity, string code) =>
        Assert.Equal(code, Refusal(Order(Line(new("carryOut"), quantity: quantity))));

    [Fact]
    public void An_unknown_sku_is_refused() => Assert.Equal("product.unknown", Refusal(Order(Line(new("carryOut"), sku: "NOPE"))));

    [Fact]
    public void ORD12_a_revenue_recognition_product_is_refused() =>
        Assert.Equal("product.revenue_recognition", Refusal(Order(Line(new("carryOut"), sku: "90001"))));

    [Fact]
    public void An_empty_cart_is_refused() => Assert.Equal("cart.empty", Refusal(Order()));

    [Fact]
    public void ORD1_a_customer_is_required_and_must_exist()
    {
        Assert.Equal("customer.required", Refusal(Order(Line(new("carryOut"))) with { CustomerId = null }));
        Assert.Equal("customer.unknown", Refusal(Order(Line(new("carryOut"))), Data with { Customer = null }));
    }

    [Fact]
    public void An_unknown_store_is_refused() => Assert.Equal("store.unknown", Refusal(Order(Line(new("carryOut"))), Data with { Store = null }));

    [Fact]
    public void A_shipped_line_needs_an_address_and_a_known_mode_of_delivery()
    {
        Assert.Equal("fulfillment.address_required", Refusal(Order(Line(new("ship")))));
        Assert.Equal("fulfillment.mode_of_delivery_unknown", Refusal(Order(Line(new("ship", ModeOfDelivery: "DRONE", Address: Home)))));
    }

    [Fact]
    public void A_pickup_date_in_the_past_is_refused() =>
        Assert.Equal("fulfillment.pickup_date_past", Refusal(Order(Line(new("pickup", Date: Today.AddDays(-1))))));

    [Theory]
    [InlineData("teleport")]
    [InlineData(null)]
    public void An_unknown_fulfillment_type_is_refused(string? type) =>
        Assert.Equal("fulfillment.type_invalid", Refusal(Order(Line(new(type)))));

    [Theory]
    [InlineData("4111111111111111")]
    [InlineData("4111 1111 1111 1111")]
    [InlineData("5500-0000-0000-0004")]
    public void PAY12_a_card_number_sent_as_token_is_refused(string cardNumber) =>
        Assert.Equal("deposit.card_number_refused",
            Refusal(Order(Line(new("carryOut"))) with { Deposit = new("CARD", "VISA", cardNumber) }));

    [Fact]
    public void The_deposit_needs_a_card_token_and_a_card_type_that_is_accepted()
    {
        Assert.Equal("deposit.card_token_required", Refusal(Order(Line(new("carryOut"))) with { Deposit = null }));
        Assert.Equal("deposit.card_type_unknown", Refusal(Order(Line(new("carryOut"))) with { Deposit = new("CARD", "DINERS", "tok_1") }));
    }

    [Fact]
    public void ORD3_a_business_customer_pays_no_default_deposit()
    {
        var business = Data with { Customer = new Customer("3001", "Contoso Ltd", CustomerType.Business, "p@contoso.example.com", null, []) };
        var (order, _) = OrderRules.Validate(Order(Line(new("pickup"))) with { CustomerId = "3001" }, business, Today);
        Assert.Equal(0m, order!.DepositPercent);
    }

    private static CreateOrderRequest Online(params CreateOrderLine[] lines) =>
        new("HOUSTON", null, "2001", lines, null, "online", new DepositTenderRequest("CARD", "VISA", "tok_visa_4242"));

    [Fact]
    public void PAY1_a_storefront_order_needs_no_terminal_pays_with_a_card_token_and_takes_no_deposit()
    {
        var (order, refusal) = OrderRules.Validate(Online(Line(new("pickup", StoreId: "SEATTLE"))), Data, Today);

        Assert.Null(refusal);
        Assert.Equal((OrderChannel.Online, "storefront", 0m), (order!.Channel, order.TerminalId, order.DepositPercent));
    }

    [Fact]
    public void PUP9_a_storefront_reservation_sends_no_payment_and_is_an_online_order_with_no_card_and_no_deposit()
    {
        var reservation = Online(Line(new("pickup", StoreId: "HOUSTON"))) with { Payment = null };

        var (order, refusal) = OrderRules.Validate(reservation, Data, Today, reservation: true);

        Assert.Null(refusal);
        Assert.Equal((OrderChannel.Online, (DepositTender?)null, 0m), (order!.Channel, order.Deposit, order.DepositPercent));
        Assert.Equal("payment.card_token_required", Refusal(reservation)); // not a reservation: an online order still pays by card
        Assert.Equal("reservation.online_only", OrderRules.Validate(Online(Line(new("pickup", StoreId: "HOUSTON"))), Data, Today, reservation: true).Refusal?.Code);
        Assert.Equal("reservation.online_only", OrderRules.Validate(reservation with { Channel = "callCenter" }, Data, Today, reservation: true).Refusal?.Code);
    }

    [Fact]
    public void PAY4_a_call_center_order_pays_its_prepayment_at_the_default_deposit_percent()
    {
        var (order, refusal) = OrderRules.Validate(Online(Line(new("ship", Address: Home))) with { Channel = "callCenter" }, Data, Today);

        Assert.Null(refusal);
        Assert.Equal((OrderChannel.CallCenter, 20m), (order!.Channel, order.DepositPercent));
    }

    [Fact]
    public void The_terminals_request_shape_is_unchanged_and_its_channel_is_the_store() =>
        Assert.Equal(OrderChannel.Store, OrderRules.Validate(Order(Line(new("carryOut"))), Data, Today).Order!.Channel);

    [Fact]
    public void ORD3_a_store_cashier_may_override_the_deposit_percent()
    {
        var request = Order(Line(new("pickup"))) with { Deposit = new DepositTenderRequest("CARD", "VISA", "tok_1", 100m) };

        Assert.Equal(100m, OrderRules.Validate(request, Data, Today).Order!.DepositPercent);
        Assert.Equal("deposit.percent_invalid", Refusal(request with { Deposit = request.Deposit! with { Percent = 100.5m } }));
    }

    [Theory]
    [InlineData("kiosk", "order.channel_unknown")]
    [InlineData("carry-out-online", "fulfillment.carry_out_store_only")]
    [InlineData("deposit-online", "deposit.store_only")]
    [InlineData("no-payment", "payment.card_token_required")]
    [InlineData("card-number", "payment.card_number_refused")]
    [InlineData("override-online", "deposit.percent_invalid")]
    public void PAY1_what_the_storefront_and_the_call_center_send_is_checked_with_stable_codes(string fault, string code)
    {
        var online = Online(Line(new("pickup")));
        var request = fault switch
        {
            "kiosk" => online with { Channel = "kiosk" },
            "carry-out-online" => Online(Line(new("carryOut"))),
            "deposit-online" => online with { Deposit = new DepositTenderRequest("CARD", "VISA", "tok_1") },
            "no-payment" => online with { Payment = null },
            "card-number" => online with { Payment = new DepositTenderRequest("CARD", "VISA", "4111 1111 1111 1111") },
            _ => online with { Payment = new DepositTenderRequest("CARD", "VISA", "tok_1", 50m) },
        };

        Assert.Equal(code, Refusal(request));
    }

    [Fact]
    public void INV7_the_creation_asks_to_reserve_ship_and_pickup_lines_at_their_location_and_to_take_carry_out_lines_at_once()
    {
        var orderId = Guid.NewGuid();
        var request = OrderCreator.Reservation(orderId, "HOU-AAAAA-BBBBB",
        [
            new OrderLine(1, "81120", 2, new Fulfillment(FulfillmentKind.Ship, "CENTRAL-DC", "STANDARD")),
            new OrderLine(2, "81120", 1, new Fulfillment(FulfillmentKind.Pickup, "SEATTLE")),
            new OrderLine(3, "90001", 1, new Fulfillment(FulfillmentKind.CarryOut, "HOUSTON")),
        ]);

        Assert.Equal((orderId, "HOU-AAAAA-BBBBB"), (request.OrderId, request.ConfirmationNumber));
        Assert.Equal(
            [(1, "81120", 2, "CENTRAL-DC", ReservationKind.Ship), (2, "81120", 1, "SEATTLE", ReservationKind.Pickup), (3, "90001", 1, "HOUSTON", ReservationKind.CarryOut)],
            request.Lines.Select(l => (l.LineId, l.Sku, l.Quantity, l.LocationId, l.Kind)));
    }
}
