using System.Net;
using OmniChannel.IntegrationTests.Infrastructure;
using OmniChannel.IntegrationTests.Payments;
using static OmniChannel.IntegrationTests.Fulfillment.FulfillmentApi;
using static OmniChannel.IntegrationTests.Orders.OrderApi;

namespace OmniChannel.IntegrationTests.Fulfillment;

/// <summary>
/// The four scenarios of seed 004 end to end, as the channels and the stores live them: an order placed through the
/// gateway, its payment taken by the Order saga through the Payment-Token service, its goods handed over at a pickup
/// counter (PUP-4) or invoiced, captured against the authorization, and the money checked against the processor.
/// </summary>
[Collection(PlatformCollection.Name)]
public class OmniChannelScenarioTests(PlatformFixture platform)
{
    private readonly FulfillmentApi api = new(platform);

    private PaymentApi Payments => api.Payments;

    [Fact]
    public async Task PAY3_buy_online_pick_up_in_store_the_checkout_authorization_is_captured_at_pickup()
    {
        var sku = await api.Orders.NewProductAsync(40.00m, "SEATTLE", onHand: 5);
        var card = await Payments.TokenizeAsync("4111111111111111"); // the storefront's hosted payment fields

        var order = await api.ConfirmedAsync(Online(card, PickupLine(sku, 2, "SEATTLE")));

        Assert.Equal(("Online", 80.00m), (order.GetProperty("channel").GetString(), order.GetProperty("total").GetDecimal()));
        Assert.Equal((0m, 80.00m), (Payment(order, "depositPaid"), Payment(order, "authorizedBalance")));
        Assert.Contains("balance_authorized", History(order));
        var line = Assert.Single((await Payments.LedgerAsync(OrderId(order))).GetProperty("tenderLines").EnumerateArray());
        Assert.Equal(("Online", "TestConnector.CardNotPresent", 0), (line.GetProperty("channel").GetString(), line.GetProperty("connectorId").GetString(),
            line.GetProperty("captures").GetArrayLength()));
        Assert.Equal("Authorized", (await Payments.PaymentMethodsAsync(Number(order))).GetProperty("methods")[0].GetProperty("status").GetString());
        await api.StockAsync("SEATTLE", sku, (5, 2));

        var pickup = await api.PickupAsync(order, "SEATTLE");
        var fulfillment = await api.CompletedAsync(pickup, (sku, 2));

        order = await api.StatusAsync(order, "Completed");
        Assert.Equal((80.00m, 80.00m, "Captured"), (FulfillmentOf(order, fulfillment).GetProperty("due").GetDecimal(),
            FulfillmentOf(order, fulfillment).GetProperty("captured").GetDecimal(), FulfillmentOf(order, fulfillment).GetProperty("paymentStatus").GetString()));
        Assert.Equal(0m, Payment(order, "balanceDue"));
        var ledger = await Payments.LedgerAsync(OrderId(order));
        Assert.Equal((80.00m, 80.00m, 0m), (PaymentApi.Total(ledger, "authorized"), PaymentApi.Total(ledger, "captured"),
            PaymentApi.Total(ledger, "openAuthorizations")));
        Assert.Equal([(1, 80.00m, "Pickup")], Captures(ledger));
        Assert.Empty((await Payments.PaymentMethodsAsync(Number(order))).GetProperty("methods").EnumerateArray());
        await Payments.AssertReconcilesAsync(OrderId(order));
        await api.StockAsync("SEATTLE", sku, (3, 0));
        await Poll.UntilAsync(async () => (await api.PickupByIdAsync(pickup)) is var p
                                          && p.GetProperty("status").GetString() == "Completed"
                                          && p.GetProperty("completions")[0].GetProperty("payment").GetString() == "Captured",
            TimeSpan.FromSeconds(30), "the pickup to show its payment captured");

        // ORD-8: a completed order cannot be cancelled.
        await Problems.AssertAsync(await api.CancelAsync(order), HttpStatusCode.Conflict, "order.completed");
    }

    [Fact]
    public async Task PAY4_buy_in_the_call_center_pick_up_in_store_the_payment_is_a_prepayment_and_the_rest_is_captured_at_pickup()
    {
        var sku = await api.Orders.NewProductAsync(50.00m, "HOUSTON", onHand: 4);

        var order = await api.ConfirmedAsync(CallCenter("tok_mc_ok", "MC", PickupLine(sku, 2, "HOUSTON")));

        Assert.Equal(("CallCenter", 20.00m, 80.00m), (order.GetProperty("channel").GetString(), Payment(order, "depositPaid"),
            Payment(order, "authorizedBalance")));
        var ledger = await Payments.LedgerAsync(OrderId(order));
        var line = Assert.Single(ledger.GetProperty("tenderLines").EnumerateArray());
        Assert.Equal(("CallCenter", false, true), (line.GetProperty("channel").GetString(), line.GetProperty("cardPresent").GetBoolean(),
            line.GetProperty("prepayment").GetBoolean()));
        Assert.Equal([(1, 20.00m, "Prepayment")], Captures(ledger));
        Assert.Equal(20.00m, PaymentApi.Total(ledger, "prepaid"));

        var fulfillment = await api.CompletedAsync(await api.PickupAsync(order, "HOUSTON"), (sku, 2));

        order = await api.StatusAsync(order, "Completed");
        Assert.Equal((100.00m, 20.00m, 80.00m), (FulfillmentOf(order, fulfillment).GetProperty("value").GetDecimal(),
            FulfillmentOf(order, fulfillment).GetProperty("paidAhead").GetDecimal(), FulfillmentOf(order, fulfillment).GetProperty("captured").GetDecimal()));
        ledger = await Payments.LedgerAsync(OrderId(order));
        Assert.Equal([(1, 20.00m, "Prepayment"), (1, 80.00m, "Pickup")], Captures(ledger));
        await Payments.AssertReconcilesAsync(OrderId(order));
        await api.StockAsync("HOUSTON", sku, (2, 0));
    }

    [Fact]
    public async Task PAY5_buy_in_store_A_pick_up_in_store_B_one_swipe_pays_the_deposit_and_authorizes_the_rest_captured_at_pickup_in_B()
    {
        var sku = await api.Orders.NewProductAsync(50.00m, "SEATTLE", onHand: 6);

        var order = await api.ConfirmedAsync(Store("tok_visa_ok", null, PickupLine(sku, 2, "SEATTLE")));

        Assert.Equal((20.00m, 80.00m), (Payment(order, "depositPaid"), Payment(order, "authorizedBalance")));
        Assert.NotEqual(default, order.GetProperty("payment").GetProperty("authorizationExpiresAt").GetDateTimeOffset());
        var swipe = Assert.Single((await Payments.LedgerAsync(OrderId(order))).GetProperty("tenderLines").EnumerateArray());
        var authorization = Assert.Single(swipe.GetProperty("authorizations").EnumerateArray());
        Assert.Equal((100.00m, 20.00m, 80.00m), (authorization.GetProperty("amount").GetDecimal(), authorization.GetProperty("captured").GetDecimal(),
            authorization.GetProperty("open").GetDecimal()));

        // Store B: the customer takes one item now and comes back for the other; the deposit pays first.
        var pickup = await api.PickupAsync(order, "SEATTLE");
        var first = await api.CompletedAsync(pickup, (sku, 1));
        order = await api.UntilAsync(order, o => PaymentStatusOf(o, first) == "Captured", "the first pickup captured");
        Assert.Equal("PartiallyFulfilled", order.GetProperty("status").GetString());
        var second = await api.CompletedAsync(pickup, (sku, 1));

        order = await api.StatusAsync(order, "Completed");
        Assert.Equal((30.00m, 50.00m), (FulfillmentOf(order, first).GetProperty("captured").GetDecimal(), FulfillmentOf(order, second).GetProperty("captured").GetDecimal()));
        var ledger = await Payments.LedgerAsync(OrderId(order));
        Assert.Equal([(1, 20.00m, "Deposit"), (1, 30.00m, "Pickup"), (1, 50.00m, "Pickup")], Captures(ledger));
        Assert.All(ledger.GetProperty("tenderLines")[0].GetProperty("captures").EnumerateArray(),
            c => Assert.Equal(authorization.GetProperty("authorizationToken").GetString(), c.GetProperty("authorizationToken").GetString()));
        Assert.Equal((100.00m, 100.00m, 0m), (PaymentApi.Total(ledger, "authorized"), PaymentApi.Total(ledger, "captured"),
            PaymentApi.Total(ledger, "openAuthorizations")));
        await Payments.AssertReconcilesAsync(OrderId(order));
        await api.StockAsync("SEATTLE", sku, (4, 0));
    }

    [Fact]
    public async Task PAY5_a_100_percent_deposit_is_captured_at_once_leaves_no_authorization_and_nothing_is_captured_at_pickup()
    {
        var sku = await api.Orders.NewProductAsync(25.00m, "SEATTLE", onHand: 3);

        var order = await api.ConfirmedAsync(Store("tok_visa_ok", 100m, PickupLine(sku, 2, "SEATTLE")), Principal.HoustonManager); // ORD-3: a manager's override

        Assert.Equal((50.00m, 0m), (Payment(order, "depositPaid"), Payment(order, "authorizedBalance")));
        Assert.DoesNotContain("balance_authorized", History(order));
        Assert.Empty((await Payments.PaymentMethodsAsync(Number(order))).GetProperty("methods").EnumerateArray());

        var fulfillment = await api.CompletedAsync(await api.PickupAsync(order, "SEATTLE"), (sku, 2));

        order = await api.StatusAsync(order, "Completed");
        Assert.Equal(("PaidAhead", 0m), (FulfillmentOf(order, fulfillment).GetProperty("paymentStatus").GetString(),
            FulfillmentOf(order, fulfillment).GetProperty("due").GetDecimal()));
        var ledger = await Payments.LedgerAsync(OrderId(order));
        Assert.Equal([(1, 50.00m, "Deposit")], Captures(ledger));
        Assert.Equal(0m, PaymentApi.Total(ledger, "openAuthorizations"));
        await Payments.AssertReconcilesAsync(OrderId(order));
        await api.StockAsync("SEATTLE", sku, (1, 0));
    }

    [Fact]
    public async Task PAY6_buy_in_store_A_ship_to_the_customer_each_invoice_is_captured_against_the_authorization()
    {
        var sku = await api.Orders.NewProductAsync(60.00m, "CENTRAL-DC", onHand: 10);

        var order = await api.ConfirmedAsync(Store("tok_visa_ok", null, ShipLine(sku, 2)));
        Assert.Equal((24.00m, 96.00m), (Payment(order, "depositPaid"), Payment(order, "authorizedBalance")));
        await api.StockAsync("CENTRAL-DC", sku, (10, 2));

        using (var first = await api.InvoiceAsync(order, "INV-1", (1, 1)))
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        order = await api.UntilAsync(order, o => PaymentStatusOf(o, "invoice.INV-1") == "Captured", "the first invoice captured");
        // The same invoice again is the same invoice; other lines under its id are refused.
        using (var again = await api.InvoiceAsync(order, "INV-1", (1, 1)))
            Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        await Problems.AssertAsync(await api.InvoiceAsync(order, "INV-1", (1, 2)), HttpStatusCode.Conflict, "invoice.id_reused");
        using (var second = await api.InvoiceAsync(order, "INV-2", (1, 1)))
            Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);

        order = await api.StatusAsync(order, "Completed");
        Assert.Equal((60.00m, 24.00m, 36.00m), (FulfillmentOf(order, "invoice.INV-1").GetProperty("value").GetDecimal(),
            FulfillmentOf(order, "invoice.INV-1").GetProperty("paidAhead").GetDecimal(), FulfillmentOf(order, "invoice.INV-1").GetProperty("captured").GetDecimal()));
        Assert.Equal(60.00m, FulfillmentOf(order, "invoice.INV-2").GetProperty("captured").GetDecimal());
        var ledger = await Payments.LedgerAsync(OrderId(order));
        Assert.Equal([(1, 24.00m, "Deposit"), (1, 36.00m, "Invoice"), (1, 60.00m, "Invoice")], Captures(ledger));
        Assert.Equal((120.00m, 0m), (PaymentApi.Total(ledger, "captured"), PaymentApi.Total(ledger, "openAuthorizations")));
        await Payments.AssertReconcilesAsync(OrderId(order));
        await api.StockAsync("CENTRAL-DC", sku, (8, 0));
    }
}
