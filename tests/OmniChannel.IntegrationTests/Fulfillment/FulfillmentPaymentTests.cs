using System.Net;
using System.Net.Http.Json;
using OmniChannel.IntegrationTests.Infrastructure;
using OmniChannel.IntegrationTests.Payments;
using static OmniChannel.IntegrationTests.Fulfillment.FulfillmentApi;
using static OmniChannel.IntegrationTests.Orders.OrderApi;
using static OmniChannel.IntegrationTests.Payments.PaymentApi;

namespace OmniChannel.IntegrationTests.Fulfillment;

/// <summary>
/// What goes wrong between the order and the pickup counter, end to end: expired and refused authorizations (PAY-9), a
/// card without recurring token (PAY-7), a different card at pickup (PAY-8), several cards (PAY-10), a cancellation
/// (ORD-8, PAY-11), and scans that do not match the request (PUP-4). The money is checked against the processor.
/// </summary>
[Collection(PlatformCollection.Name)]
public class FulfillmentPaymentTests(PlatformFixture platform)
{
    private readonly FulfillmentApi api = new(platform);

    private PaymentApi Payments => api.Payments;

    [Fact]
    public async Task PAY9_an_authorization_expired_by_pickup_is_reauthorized_with_the_card_token_and_captured()
    {
        var sku = await api.Orders.NewProductAsync(35.00m, "SEATTLE", onHand: 2);
        var order = await api.ConfirmedAsync(Online("tok_expire_visa", PickupLine(sku, 1, "SEATTLE"))); // expires at once
        Assert.Equal("ReauthorizationRequired",
            (await Payments.PaymentMethodsAsync(Number(order), Principal.SeattleCashier)).GetProperty("methods")[0].GetProperty("status").GetString());

        await api.CompletedAsync(await api.PickupAsync(order, "SEATTLE"), (sku, 1));

        order = await api.StatusAsync(order, "Completed");
        var ledger = await Payments.LedgerAsync(OrderId(order));
        Assert.Equal(2, ledger.GetProperty("tenderLines")[0].GetProperty("authorizations").GetArrayLength());
        Assert.Equal((70.00m, 35.00m, 35.00m), (Total(ledger, "authorized"), Total(ledger, "expired"), Total(ledger, "captured")));
        await Payments.AssertReconcilesAsync(OrderId(order));
    }

    [Fact]
    public async Task PAY9_when_reauthorization_fails_the_order_and_the_pickup_say_to_take_a_new_payment_which_is_then_captured()
    {
        var sku = await api.Orders.NewProductAsync(45.00m, "SEATTLE", onHand: 2);
        var order = await api.ConfirmedAsync(Online("tok_expire_norecur_visa", PickupLine(sku, 1, "SEATTLE")));
        var pickup = await api.PickupAsync(order, "SEATTLE");

        var fulfillment = await api.CompletedAsync(pickup, (sku, 1));

        order = await api.UntilAsync(order, o => PaymentStatusOf(o, fulfillment) == "NewPaymentRequired", "the order to ask for a new payment");
        Assert.Equal(("Fulfilled", "payment.new_tender_required", 45.00m), (order.GetProperty("status").GetString(),
            FulfillmentOf(order, fulfillment).GetProperty("paymentFailureCode").GetString(), Payment(order, "balanceDue")));
        Assert.Contains("fulfillment_payment_failed", History(order));
        var shown = await Poll.UntilValueAsync(async () => (await api.PickupByIdAsync(pickup)).GetProperty("completions")[0]
            is var c && c.GetProperty("payment").GetString() == "NewPaymentRequired" ? c : (System.Text.Json.JsonElement?)null,
            TimeSpan.FromSeconds(30), "the pickup to ask for a new payment");
        Assert.Equal(45.00m, shown.GetProperty("balanceDue").GetDecimal());

        // The cashier takes a new card for the balance, and the order captures it.
        var newCard = await Payments.TenderAsync(Number(order), CardTender("tok_mc_new", 45.00m, "MC"), Principal.SeattleCashier);
        using (var retry = await api.RetryPaymentAsync(order, fulfillment, newCard.GetProperty("tenderLineId").GetInt32()))
            Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);

        order = await api.StatusAsync(order, "Completed");
        Assert.Equal((45.00m, 0m), (FulfillmentOf(order, fulfillment).GetProperty("captured").GetDecimal(), Payment(order, "balanceDue")));
        var ledger = await Payments.LedgerAsync(OrderId(order));
        Assert.Equal([(2, 45.00m, "Pickup")], Captures(ledger));
        await Payments.AssertReconcilesAsync(OrderId(order));
        await Poll.UntilAsync(async () => (await api.PickupByIdAsync(pickup)).GetProperty("completions")[0]
            .GetProperty("payment").GetString() == "Captured", TimeSpan.FromSeconds(30), "the pickup to show the new payment captured");
        await Problems.AssertAsync(await api.RetryPaymentAsync(order, fulfillment, 2), HttpStatusCode.Conflict, "payment.nothing_due");
    }

    [Fact]
    public async Task PAY7_a_deposit_card_without_recurring_token_asks_for_a_second_card_a_second_such_card_is_refused_another_pays_at_pickup()
    {
        var sku = await api.Orders.NewProductAsync(50.00m, "SEATTLE", onHand: 2);

        var order = await api.ConfirmedAsync(Store("tok_norecur_visa", null, PickupLine(sku, 2, "SEATTLE")));

        Assert.True(order.GetProperty("payment").GetProperty("secondCardRequired").GetBoolean());
        Assert.Equal((20.00m, 0m), (Payment(order, "depositPaid"), Payment(order, "authorizedBalance")));
        Assert.Contains("second_card_required", History(order));
        await Problems.AssertAsync(await Payments.PostTenderAsync(Number(order), CardTender("tok_norecur_mc", 80.00m, "MC")),
            HttpStatusCode.UnprocessableEntity, "card.recurring_token_unavailable");
        var second = await Payments.TenderAsync(Number(order), CardTender("tok_visa_second", 80.00m));

        await api.CompletedAsync(await api.PickupAsync(order, "SEATTLE"), (sku, 2));

        order = await api.StatusAsync(order, "Completed");
        var ledger = await Payments.LedgerAsync(OrderId(order));
        Assert.Equal([(1, 20.00m, "Deposit"), (second.GetProperty("tenderLineId").GetInt32(), 80.00m, "Pickup")], Captures(ledger));
        await Payments.AssertReconcilesAsync(OrderId(order));
    }

    [Fact]
    public async Task PAY8_a_different_card_pays_at_pickup_then_the_returning_customer_reuses_the_still_valid_authorization()
    {
        var sku = await api.Orders.NewProductAsync(30.00m, "SEATTLE", onHand: 4);
        var order = await api.ConfirmedAsync(Online("tok_visa_ok", PickupLine(sku, 2, "SEATTLE")));
        var pickup = await api.PickupAsync(order, "SEATTLE");

        // The customer lost the card used online: the cashier takes another one for what is collected now.
        var otherCard = await Payments.TenderAsync(Number(order), CardTender("tok_mc_other", 30.00m, "MC"), Principal.SeattleCashier);
        var otherLine = otherCard.GetProperty("tenderLineId").GetInt32();
        var first = await api.CompletedAsync(pickup, otherLine, (sku, 1));
        await api.UntilAsync(order, o => PaymentStatusOf(o, first) == "Captured", "the first pickup captured");
        var second = await api.CompletedAsync(pickup, (sku, 1)); // back later: the online authorization still holds

        order = await api.StatusAsync(order, "Completed");
        var ledger = await Payments.LedgerAsync(OrderId(order));
        Assert.Equal([(otherLine, 30.00m, "Pickup"), (1, 30.00m, "Pickup")], Captures(ledger));
        Assert.Equal((30.00m, 30.00m), (FulfillmentOf(order, first).GetProperty("captured").GetDecimal(), FulfillmentOf(order, second).GetProperty("captured").GetDecimal()));
        // What the online authorization held beyond the goods is released once the order is completed.
        ledger = await Poll.UntilValueAsync(async () => await Payments.LedgerAsync(OrderId(order)) is var l && Total(l, "openAuthorizations") == 0m
            ? l : (System.Text.Json.JsonElement?)null, TimeSpan.FromSeconds(30), "the rest of the online authorization to be voided");
        Assert.Equal((90.00m, 60.00m, 30.00m), (Total(ledger, "authorized"), Total(ledger, "captured"), Total(ledger, "voided")));
        await Payments.AssertReconcilesAsync(OrderId(order));
    }

    [Fact]
    public async Task PAY10_several_card_tenders_are_captured_in_turn_until_the_goods_being_picked_up_are_paid()
    {
        var sku = await api.Orders.NewProductAsync(50.00m, "SEATTLE", onHand: 2);
        var order = await api.ConfirmedAsync(Store("tok_norecur_visa", null, PickupLine(sku, 2, "SEATTLE"))); // deposit 20.00, no authorization
        // The customer splits the balance over two cards.
        var cardA = (await Payments.TenderAsync(Number(order), CardTender("tok_visa_a", 50.00m))).GetProperty("tenderLineId").GetInt32();
        var cardB = (await Payments.TenderAsync(Number(order), CardTender("tok_mc_b", 30.00m, "MC"))).GetProperty("tenderLineId").GetInt32();
        var pickup = await api.PickupAsync(order, "SEATTLE");

        var first = await api.CompletedAsync(pickup, (sku, 1));   // 50.00 of goods, 20.00 paid by the deposit
        await api.UntilAsync(order, o => PaymentStatusOf(o, first) == "Captured", "the first pickup captured");
        var second = await api.CompletedAsync(pickup, (sku, 1));  // 50.00: the rest of card A, then card B

        order = await api.StatusAsync(order, "Completed");
        var ledger = await Payments.LedgerAsync(OrderId(order));
        Assert.Equal([(1, 20.00m, "Deposit"), (cardA, 30.00m, "Pickup"), (cardA, 20.00m, "Pickup"), (cardB, 30.00m, "Pickup")], Captures(ledger));
        Assert.Equal(50.00m, FulfillmentOf(order, second).GetProperty("captured").GetDecimal());
        Assert.Equal((100.00m, 0m), (Total(ledger, "captured"), Total(ledger, "openAuthorizations")));
        await Payments.AssertReconcilesAsync(OrderId(order));
    }

    [Fact]
    public async Task PAY11_a_cancellation_releases_the_stock_and_refunds_the_deposit_minus_the_charge_against_its_capture_token()
    {
        var sku = await api.Orders.NewProductAsync(50.00m, "SEATTLE", onHand: 5);
        var order = await api.ConfirmedAsync(Store("tok_visa_ok", null, PickupLine(sku, 2, "SEATTLE")));
        var pickup = await api.PickupAsync(order, "SEATTLE");
        var depositCapture = (await Payments.LedgerAsync(OrderId(order))).GetProperty("tenderLines")[0].GetProperty("captures")[0]
            .GetProperty("captureToken").GetString();
        await api.StockAsync("SEATTLE", sku, (5, 2));

        using (var cancel = await api.CancelAsync(order, idempotencyKey: "T1-CXL-1"))
        {
            Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
            var accepted = await cancel.ReadJsonAsync();
            Assert.Equal((10m, 10.00m), (accepted.GetProperty("chargePercent").GetDecimal(), accepted.GetProperty("charge").GetDecimal())); // parameters: 10 %
        }

        order = await api.StatusAsync(order, "Cancelled");
        var cancellation = order.GetProperty("cancellation");
        Assert.Equal((10.00m, 10.00m), (cancellation.GetProperty("refunded").GetDecimal(), cancellation.GetProperty("retained").GetDecimal()));
        var ledger = await Payments.LedgerAsync(OrderId(order));
        var refund = Assert.Single(ledger.GetProperty("refunds").EnumerateArray());
        Assert.Equal((depositCapture, 10.00m), (refund.GetProperty("captureToken").GetString(), refund.GetProperty("amount").GetDecimal()));
        Assert.Equal((80.00m, 10.00m, 10.00m, 0m), (Total(ledger, "voided"), Total(ledger, "refunded"), Total(ledger, "netCaptured"),
            Total(ledger, "openAuthorizations")));
        await Payments.AssertReconcilesAsync(OrderId(order));
        await api.StockAsync("SEATTLE", sku, (5, 0));
        await Poll.UntilAsync(async () => (await api.PickupByIdAsync(pickup)).GetProperty("status").GetString() == "Cancelled",
            TimeSpan.FromSeconds(30), "the pickup request to be cancelled");

        // The terminal retrying its cancellation gets the same answer; another one, and a pickup, are refused.
        using (var retried = await api.CancelAsync(order, idempotencyKey: "T1-CXL-1"))
            Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        await Problems.AssertAsync(await api.CancelAsync(order), HttpStatusCode.Conflict, "order.cancelled");
        await Problems.AssertAsync(await api.CompleteAsync(pickup, [(sku, 2)]), HttpStatusCode.Conflict, "pickup.cancelled");
    }

    [Fact]
    public async Task PAY4_PAY11_a_call_center_payment_counts_as_a_prepayment_when_the_order_is_cancelled_at_the_store()
    {
        var sku = await api.Orders.NewProductAsync(60.00m, "HOUSTON", onHand: 2);
        var order = await api.ConfirmedAsync(CallCenter("tok_visa_ok", "VISA", PickupLine(sku, 1, "HOUSTON")));
        Assert.Equal(12.00m, Payment(order, "depositPaid"));

        using (var cancel = await api.CancelAsync(order))
            Assert.Equal(6.00m, (await cancel.ReadJsonAsync()).GetProperty("charge").GetDecimal());

        order = await api.StatusAsync(order, "Cancelled");
        Assert.Equal((6.00m, 6.00m), (order.GetProperty("cancellation").GetProperty("refunded").GetDecimal(),
            order.GetProperty("cancellation").GetProperty("retained").GetDecimal()));
        var ledger = await Payments.LedgerAsync(OrderId(order));
        Assert.Equal((48.00m, 6.00m, 6.00m), (Total(ledger, "voided"), Total(ledger, "refunded"), Total(ledger, "prepaid")));
        await Payments.AssertReconcilesAsync(OrderId(order));
        await api.StockAsync("HOUSTON", sku, (2, 0));
    }

    [Fact]
    public async Task ORD8_a_manager_may_adjust_the_cancellation_charge_and_nothing_leaves_an_order_with_its_goods_gone()
    {
        var sku = await api.Orders.NewProductAsync(40.00m, "HOUSTON", onHand: 5);
        var order = await api.ConfirmedAsync(Store("tok_visa_ok", null, PickupLine(sku, 1, "HOUSTON"), CarryOutLine(sku, 1)));

        // Carried-out goods left with the customer, paid by the deposit: the order is partly fulfilled and cannot be cancelled whole.
        Assert.Equal(("PaidAhead", 40.00m), (PaymentStatusOf(order, "carry-out"), FulfillmentOf(order, "carry-out").GetProperty("paidAhead").GetDecimal()));
        await Problems.AssertAsync(await api.CancelAsync(order), HttpStatusCode.Conflict, "order.partially_fulfilled");
        await Problems.AssertAsync(await api.CancelAsync(order, chargePercent: 150m), HttpStatusCode.BadRequest, "cancellation.charge_percent_invalid");

        var pickupOnly = await api.ConfirmedAsync(Store("tok_visa_ok", null, PickupLine(sku, 1, "HOUSTON")));
        using (var cancel = await api.CancelAsync(pickupOnly, chargePercent: 2.5m))
            Assert.Equal(1.00m, (await cancel.ReadJsonAsync()).GetProperty("charge").GetDecimal());

        pickupOnly = await api.StatusAsync(pickupOnly, "Cancelled");
        Assert.Equal((7.00m, 1.00m), (pickupOnly.GetProperty("cancellation").GetProperty("refunded").GetDecimal(),
            pickupOnly.GetProperty("cancellation").GetProperty("retained").GetDecimal())); // 8.00 deposit − 1.00
        await Payments.AssertReconcilesAsync(OrderId(pickupOnly));
        await api.StockAsync("HOUSTON", sku, (4, 1)); // one carried out; the first order's pickup still reserved
    }

    [Fact]
    public async Task PUP4_a_scan_that_does_not_match_the_request_is_a_problem_and_changes_nothing_and_a_retried_completion_completes_once()
    {
        var sku = await api.Orders.NewProductAsync(20.00m, "SEATTLE", onHand: 3);
        var order = await api.ConfirmedAsync(Online("tok_visa_ok", PickupLine(sku, 2, "SEATTLE")));
        var pickup = await api.PickupAsync(order, "SEATTLE");

        await Problems.AssertAsync(await api.CompleteAsync(pickup, [("NOT-ORDERED", 1)]), HttpStatusCode.BadRequest, "pickup.item_not_in_request");
        await Problems.AssertAsync(await api.CompleteAsync(pickup, [(sku, 3)]), HttpStatusCode.BadRequest, "pickup.quantity_exceeds_request");
        await Problems.AssertAsync(await api.CompleteAsync(pickup, [(sku, 2)], receipt: "HOU-00000-00000"), HttpStatusCode.BadRequest, "pickup.receipt_mismatch");
        await Problems.AssertAsync(await platform.As(Principal.SeattleCashier).PostAsJsonAsync($"/api/pickups/{pickup.GetProperty("id").GetGuid()}/completion",
            new { receipt = FulfillmentApi.Number(order), items = new[] { new { sku, quantity = 2 } } }), HttpStatusCode.BadRequest, "idempotency_key.required");
        await Problems.AssertAsync(await api.InvoiceAsync(order, "INV-1", (1, 1)), HttpStatusCode.BadRequest, "fulfillment.line_not_shipped");
        var unchanged = await api.PickupByIdAsync(pickup); // received (PUP-3) before the scans were tried, nothing handed over
        Assert.Equal(("Received", 0), (unchanged.GetProperty("status").GetString(), unchanged.GetProperty("items")[0].GetProperty("handedOver").GetInt32()));
        Assert.Empty((await api.OrderAsync(order)).GetProperty("fulfillments").EnumerateArray());

        using (var first = await api.CompleteAsync(pickup, [(sku, 2)], idempotencyKey: "T7-000123"))
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using (var again = await api.CompleteAsync(pickup, [(sku, 2)], idempotencyKey: "T7-000123"))
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await Problems.AssertAsync(await api.CompleteAsync(pickup, [(sku, 1)], idempotencyKey: "T7-000123"), HttpStatusCode.Conflict, "idempotency_key.reused");
        await Problems.AssertAsync(await api.CompleteAsync(pickup, [(sku, 1)]), HttpStatusCode.Conflict, "pickup.completed");

        order = await api.StatusAsync(order, "Completed");
        Assert.Single(order.GetProperty("fulfillments").EnumerateArray());
        Assert.Equal(40.00m, Total(await Payments.LedgerAsync(OrderId(order)), "captured"));
        await api.StockAsync("SEATTLE", sku, (1, 0));
    }

    [Fact]
    public async Task PUP4_two_terminals_scanning_one_pickup_at_once_and_its_payment_answers_meanwhile_both_complete()
    {
        var sku = await api.Orders.NewProductAsync(10.00m, "SEATTLE", onHand: 4);
        var order = await api.ConfirmedAsync(Online("tok_visa_ok", PickupLine(sku, 4, "SEATTLE")));
        var pickup = await api.PickupAsync(order, "SEATTLE");

        // Each completion writes the pickup, and so does the payment answer of each: none may turn another away.
        var completions = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => api.CompletedAsync(pickup, (sku, 1))));

        Assert.Equal(4, completions.Distinct().Count());
        order = await api.StatusAsync(order, "Completed");
        Assert.Equal(40.00m, Total(await Payments.LedgerAsync(OrderId(order)), "captured"));
        await Payments.AssertReconcilesAsync(OrderId(order));
    }
}
