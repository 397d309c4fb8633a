using System.Net;
using OmniChannel.IntegrationTests.Infrastructure;
using static OmniChannel.IntegrationTests.Payments.PaymentApi;

namespace OmniChannel.IntegrationTests.Payments;

/// <summary>
/// The four scenarios of seed 004 as far as /api/payments carries them, through the gateway into the real Payment-Token
/// service and its processor emulator, each checked against the processor's own record of the order.
/// </summary>
[Collection(PlatformCollection.Name)]
public class PaymentScenarioTests(PlatformFixture platform)
{
    private readonly PaymentApi payments = new(platform);
    private readonly Guid order = Guid.NewGuid();

    [Fact]
    public async Task PAY3_buy_online_pick_up_in_store_the_authorization_is_captured_with_the_available_payment_method_balance_zero()
    {
        var card = await payments.TokenizeAsync("4111111111111111"); // the storefront's hosted payment fields
        var checkout = await payments.TenderAsync(order, Tender("online", card, 64.90m));
        Assert.Equal(64.90m, checkout.GetProperty("openAuthorization").GetDecimal());

        var methods = await payments.PaymentMethodsAsync(order);
        var method = Assert.Single(methods.GetProperty("methods").EnumerateArray());
        Assert.Equal(("Authorized", "TestConnector.CardNotPresent"), (method.GetProperty("status").GetString(), method.GetProperty("connectorId").GetString()));
        Assert.Equal(64.90m, methods.GetProperty("availableAmount").GetDecimal());

        var pickup = await payments.CaptureAsync(order, "pickup", 64.90m);

        Assert.Equal((64.90m, 0m), (pickup.GetProperty("captured").GetDecimal(), pickup.GetProperty("balanceDue").GetDecimal()));
        Assert.Empty((await payments.PaymentMethodsAsync(order)).GetProperty("methods").EnumerateArray());
        await payments.AssertReconcilesAsync(order);
    }

    [Fact]
    public async Task PAY4_buy_in_the_call_center_pick_up_in_store_the_payment_is_a_prepayment_captured_at_pickup()
    {
        await Problems.AssertAsync(await payments.PostAsync(order, "tenders", new
        {
            channel = "callCenter", tenderTypeId = "CARD", cardTypeId = "MC", cardToken = "tok_mc_ok", amount = 120.00m, currency = "USD",
            prepayment = false,
        }), HttpStatusCode.BadRequest, "tender.prepayment_required");

        await payments.TenderAsync(order, Tender("callCenter", "tok_mc_ok", 120.00m, cardTypeId: "MC"));
        var pickup = await payments.CaptureAsync(order, "pickup", 120.00m);

        Assert.Equal(0m, pickup.GetProperty("balanceDue").GetDecimal());
        var line = (await payments.LedgerAsync(order)).GetProperty("tenderLines")[0];
        Assert.Equal(("CallCenter", true, false), (line.GetProperty("channel").GetString(), line.GetProperty("prepayment").GetBoolean(),
            line.GetProperty("cardPresent").GetBoolean()));
        await payments.AssertReconcilesAsync(order);
    }

    [Fact]
    public async Task PAY5_buy_in_store_A_pick_up_in_store_B_one_swipe_pays_the_deposit_and_authorizes_the_rest()
    {
        var swipe = await payments.TenderAsync(order, Tender("store", "tok_visa_ok", 100.00m, 20.00m));
        Assert.Equal((100.00m, 20.00m, 80.00m), (swipe.GetProperty("authorizedAmount").GetDecimal(), swipe.GetProperty("capturedAmount").GetDecimal(),
            swipe.GetProperty("openAuthorization").GetDecimal()));

        var pickup = await payments.CaptureAsync(order, "pickup", 80.00m);

        Assert.Equal(0m, pickup.GetProperty("balanceDue").GetDecimal());
        Assert.Equal(swipe.GetProperty("authorizationToken").GetString(), pickup.GetProperty("captures")[0].GetProperty("authorizationToken").GetString());
        var ledger = await payments.LedgerAsync(order);
        Assert.Equal((100.00m, 100.00m, 0m), (Total(ledger, "authorized"), Total(ledger, "captured"), Total(ledger, "openAuthorizations")));
        await payments.AssertReconcilesAsync(order);
    }

    [Fact]
    public async Task PAY5_a_100_percent_deposit_is_captured_at_once_and_leaves_no_authorization_to_capture()
    {
        var swipe = await payments.TenderAsync(order, Tender("store", "tok_visa_ok", 100.00m, 100.00m));

        Assert.Equal(0m, swipe.GetProperty("openAuthorization").GetDecimal());
        Assert.Empty((await payments.PaymentMethodsAsync(order)).GetProperty("methods").EnumerateArray());
        await payments.AssertReconcilesAsync(order);
    }

    [Fact]
    public async Task PAY6_buy_in_store_A_ship_to_the_customer_captured_at_invoicing_against_the_authorization()
    {
        await payments.TenderAsync(order, Tender("store", "tok_visa_ok", 150.00m, 30.00m));

        var first = await payments.CaptureAsync(order, "invoice", 70.00m);
        var second = await payments.CaptureAsync(order, "invoice", 50.00m);

        Assert.Equal(("Invoice", 70.00m, 50.00m), (first.GetProperty("purpose").GetString(), first.GetProperty("captured").GetDecimal(),
            second.GetProperty("captured").GetDecimal()));
        Assert.Equal(0m, Total(await payments.LedgerAsync(order), "openAuthorizations"));
        await payments.AssertReconcilesAsync(order);
    }

    [Fact]
    public async Task PAY7_a_card_without_recurring_token_pays_the_deposit_a_second_such_card_is_refused_another_card_is_accepted()
    {
        var legacyCard = await payments.TokenizeAsync("4000000000003220");
        var deposit = await payments.TenderAsync(order, Tender("store", legacyCard, 100.00m, 20.00m));
        Assert.True(deposit.GetProperty("secondCardRequired").GetBoolean());
        Assert.Equal(0m, deposit.GetProperty("openAuthorization").GetDecimal());

        var secondLegacyCard = await payments.TokenizeAsync("5200828282828210");
        await Problems.AssertAsync(await payments.PostAsync(order, "tenders", Tender("store", secondLegacyCard, 80.00m, cardTypeId: "MC")),
            HttpStatusCode.UnprocessableEntity, "card.recurring_token_unavailable");

        var third = await payments.TenderAsync(order, Tender("store", await payments.TokenizeAsync("5555555555554444"), 80.00m, cardTypeId: "MC"));
        Assert.True(third.GetProperty("recurringToken").GetBoolean());
        Assert.Equal(80.00m, Total(await payments.LedgerAsync(order), "openAuthorizations"));
        await payments.AssertReconcilesAsync(order);
    }

    [Fact]
    public async Task PAY8_a_different_card_at_pickup_then_a_returning_customer_reuses_the_still_valid_authorization()
    {
        await payments.TenderAsync(order, Tender("online", "tok_visa_ok", 100.00m));

        await payments.TenderAsync(order, Tender("store", "tok_mc_other", 40.00m, 40.00m, "pickup", "MC", "SEATTLE"));
        Assert.Equal(100.00m, (await payments.PaymentMethodsAsync(order)).GetProperty("availableAmount").GetDecimal());
        var back = await payments.CaptureAsync(order, "pickup", 60.00m);

        Assert.Equal(1, back.GetProperty("captures")[0].GetProperty("tenderLineId").GetInt32());
        Assert.Equal(40.00m, Total(await payments.LedgerAsync(order), "openAuthorizations"));
        await payments.AssertReconcilesAsync(order);
    }

    [Fact]
    public async Task PAY9_an_expired_authorization_is_reauthorized_with_the_card_token_and_captured()
    {
        await payments.TenderAsync(order, Tender("online", "tok_expire_visa", 75.00m)); // its authorization expires at once
        var method = (await payments.PaymentMethodsAsync(order)).GetProperty("methods")[0];
        Assert.Equal("ReauthorizationRequired", method.GetProperty("status").GetString());

        var pickup = await payments.CaptureAsync(order, "pickup", 75.00m);

        Assert.Equal(0m, pickup.GetProperty("balanceDue").GetDecimal());
        var ledger = await payments.LedgerAsync(order);
        Assert.Equal(2, ledger.GetProperty("tenderLines")[0].GetProperty("authorizations").GetArrayLength());
        Assert.Equal((150.00m, 75.00m, 75.00m), (Total(ledger, "authorized"), Total(ledger, "captured"), Total(ledger, "expired")));
        await payments.AssertReconcilesAsync(order);
    }

    [Fact]
    public async Task PAY9_when_reauthorization_fails_the_terminal_is_told_to_take_a_new_payment()
    {
        await payments.TenderAsync(order, Tender("online", "tok_expire_norecur", 50.00m));

        var pickup = await payments.CaptureAsync(order, "pickup", 50.00m);

        Assert.True(pickup.GetProperty("newTenderRequired").GetBoolean());
        Assert.Equal(("payment.new_tender_required", 50.00m), (pickup.GetProperty("code").GetString(), pickup.GetProperty("balanceDue").GetDecimal()));
        var newPayment = await payments.TenderAsync(order, Tender("store", "tok_visa_ok", 50.00m, 50.00m, "pickup"));
        Assert.Equal(50.00m, newPayment.GetProperty("capturedAmount").GetDecimal());
        await payments.AssertReconcilesAsync(order);
    }

    [Fact]
    public async Task PAY10_several_card_tenders_are_captured_in_turn_until_the_goods_being_picked_up_are_paid()
    {
        await payments.TenderAsync(order, Tender("online", "tok_visa_1", 30.00m));
        await payments.TenderAsync(order, Tender("online", "tok_mc_2", 50.00m, cardTypeId: "MC"));
        await payments.TenderAsync(order, Tender("online", "tok_amex_3", 40.00m, cardTypeId: "AMEX"));

        var pickup = await payments.CaptureAsync(order, "pickup", 70.00m);

        var captures = pickup.GetProperty("captures").EnumerateArray().Select(c => (c.GetProperty("tenderLineId").GetInt32(), c.GetProperty("amount").GetDecimal()));
        Assert.Equal([(1, 30.00m), (2, 40.00m)], captures);
        await payments.AssertReconcilesAsync(order);
    }

    [Fact]
    public async Task PAY11_a_cancellation_refunds_the_deposit_minus_the_charge_against_its_capture_token_and_voids_the_rest()
    {
        var swipe = await payments.TenderAsync(order, Tender("store", "tok_visa_ok", 150.00m, 30.00m));

        var cancelled = await payments.CancelAsync(order, cancellationCharge: 4.50m);

        var refund = Assert.Single(cancelled.GetProperty("refunds").EnumerateArray());
        Assert.Equal((swipe.GetProperty("captureToken").GetString(), 25.50m), (refund.GetProperty("captureToken").GetString(), refund.GetProperty("amount").GetDecimal()));
        var ledger = await payments.LedgerAsync(order);
        Assert.Equal((120.00m, 25.50m, 4.50m, 0m), (Total(ledger, "voided"), Total(ledger, "refunded"), Total(ledger, "netCaptured"), Total(ledger, "openAuthorizations")));
        await payments.AssertReconcilesAsync(order);
    }

    [Fact]
    public async Task PAY11_a_refund_references_a_capture_token_and_cannot_exceed_it()
    {
        var swipe = await payments.TenderAsync(order, Tender("store", "tok_visa_ok", 60.00m, 60.00m));
        var capture = swipe.GetProperty("captureToken").GetString();

        await payments.RefundAsync(order, 10.00m, capture);

        await Problems.AssertAsync(await payments.PostAsync(order, "refunds", new { amount = 50.01m, captureToken = capture }),
            HttpStatusCode.UnprocessableEntity, "refund.amount_exceeds_captured");
        await Problems.AssertAsync(await payments.PostAsync(order, "refunds", new { amount = 1m, captureToken = "cap_nope" }),
            HttpStatusCode.NotFound, "capture.not_found");
        await payments.AssertReconcilesAsync(order);
    }
}
