using OmniChannel.PaymentToken.Features.Captures;
using OmniChannel.Payment.Tests.Infrastructure;

namespace OmniChannel.Payment.Tests;

/// <summary>The seed-004 flows through the same plans the endpoints run, on the emulator, each reconciled with it.</summary>
public class PaymentFlowTests
{
    private readonly Shop shop = new();
    private readonly Guid order = Guid.NewGuid();

    [Fact]
    public async Task PAY5_a_single_swipe_captures_the_deposit_and_leaves_the_rest_authorized_for_pickup_in_store_B()
    {
        var (payments, done) = await shop.AddTenderAsync(order, "swipe", Shop.Tender("store", "tok_visa_ok", 100.00m, 20.00m));

        Assert.Null(done.Code);
        var line = Assert.Single(payments.Tenders);
        Assert.Equal((100.00m, 20.00m, 80.00m), (line.Authorizations[0].Amount, line.Captures.Single().Amount, line.Current!.Open));
        Assert.True(line.Tender.CardPresent);

        var pickup = await shop.CaptureAsync(order, "pickup-seattle", 80.00m);
        Assert.Equal((80.00m, 0m, false), (pickup.Captured, pickup.BalanceDue, pickup.NewTenderRequired));
        Assert.Equal(line.Authorizations[0].Token, pickup.Captures.Single().AuthorizationToken);
        await shop.AssertReconcilesAsync(order);
    }

    [Fact]
    public async Task The_first_tender_opens_the_orders_payments_in_its_currency_and_the_processor_authorizes_in_it()
    {
        var (payments, done) = await shop.AddTenderAsync(order, "swipe", Shop.Tender("store", "tok_visa_ok", 100.00m, 20.00m, currency: "EUR"));

        Assert.Null(done.Code);
        Assert.Equal("EUR", payments.Currency);
        var authorize = Assert.Single(await shop.Processor.OperationsAsync(Shop.Merchant, $"{order:N}:", default), o => o.Kind == "authorize");
        Assert.True(authorize.Answer.Approved);
        Assert.Contains("|100.00|EUR|", authorize.Fingerprint); // authorize|token|amount|currency|...
        var pickup = await shop.CaptureAsync(order, "pickup", 80.00m);
        Assert.Equal(0m, pickup.BalanceDue);
        Assert.Equal("EUR", shop.Payments(order).Currency);
    }

    [Fact]
    public async Task PAY5_a_100_percent_deposit_is_captured_at_once_and_leaves_no_authorization()
    {
        var (payments, _) = await shop.AddTenderAsync(order, "swipe", Shop.Tender("store", "tok_visa_ok", 100.00m, 100.00m));

        var totals = LedgerTotals.Of(payments);
        Assert.Equal((100.00m, 100.00m, 0m), (totals.Authorized, totals.Captured, totals.OpenAuthorizations));
        var invoice = await shop.CaptureAsync(order, "invoice-1", 1.00m, TenderPurpose.Invoice);
        Assert.Equal((0m, true), (invoice.Captured, invoice.NewTenderRequired));
        await shop.AssertReconcilesAsync(order);
    }

    [Fact]
    public async Task PAY3_an_online_authorization_is_captured_at_pickup_and_the_balance_due_is_zero()
    {
        var card = await shop.TokenizeAsync("4111111111111111");
        var (payments, _) = await shop.AddTenderAsync(order, "checkout", Shop.Tender("online", card, 64.90m));
        Assert.False(payments.Tenders.Single().Tender.CardPresent);

        var pickup = await shop.CaptureAsync(order, "pickup", 64.90m);

        Assert.Equal((64.90m, 0m), (pickup.Captured, pickup.BalanceDue));
        Assert.Equal("TestConnector.CardNotPresent", shop.Payments(order).Tenders.Single().Tender.ConnectorId); // PAY-1: captured through it
        await shop.AssertReconcilesAsync(order);
    }

    [Fact]
    public async Task PAY4_a_call_center_prepayment_counts_at_cancellation_and_its_authorization_is_captured_at_pickup()
    {
        await shop.AddTenderAsync(order, "call-1", Shop.Tender("callCenter", "tok_mc_ok", 120.00m, 30.00m, cardType: "MC"));
        Assert.Equal(30.00m, LedgerTotals.Of(shop.Payments(order)).Prepaid);

        var pickup = await shop.CaptureAsync(order, "pickup", 90.00m);

        Assert.Equal(0m, pickup.BalanceDue);
        Assert.Equal(30.00m, LedgerTotals.Of(shop.Payments(order)).Prepaid); // the pickup capture is not a prepayment
        await shop.AssertReconcilesAsync(order);
    }

    [Fact]
    public async Task PAY6_shipped_lines_are_captured_at_invoicing_against_the_authorization()
    {
        await shop.AddTenderAsync(order, "swipe", Shop.Tender("store", "tok_visa_ok", 150.00m, 30.00m));

        var first = await shop.CaptureAsync(order, "invoice-1", 70.00m, TenderPurpose.Invoice);
        var second = await shop.CaptureAsync(order, "invoice-2", 50.00m, TenderPurpose.Invoice);

        Assert.Equal((70.00m, 50.00m), (first.Captured, second.Captured));
        Assert.All(shop.Payments(order).Tenders.Single().Captures.Skip(1), c => Assert.Equal(TenderPurpose.Invoice, c.Purpose));
        Assert.Equal(0m, LedgerTotals.Of(shop.Payments(order)).OpenAuthorizations);
        await shop.AssertReconcilesAsync(order);
    }

    [Fact]
    public async Task PAY7_a_card_without_recurring_token_pays_the_deposit_a_second_such_card_is_refused_a_recurring_one_authorizes_the_rest()
    {
        var first = await shop.TokenizeAsync("4000000000003220");
        var (payments, deposit) = await shop.AddTenderAsync(order, "deposit", Shop.Tender("store", first, 100.00m, 20.00m));
        Assert.Null(deposit.Code);
        Assert.Equal((20.00m, 0m), (payments.Tenders.Single().Authorizations[0].Amount, payments.Tenders.Single().Current!.Open));

        var second = await shop.TokenizeAsync("5200828282828210");
        var (_, refused) = await shop.AddTenderAsync(order, "second-card", Shop.Tender("store", second, 80.00m, cardType: "MC"));
        Assert.Equal("card.recurring_token_unavailable", refused.Code);
        Assert.Equal(0m, LedgerTotals.Of(shop.Payments(order)).OpenAuthorizations);

        var third = await shop.TokenizeAsync("5555555555554444");
        var (_, accepted) = await shop.AddTenderAsync(order, "third-card", Shop.Tender("store", third, 80.00m, cardType: "MC"));
        Assert.Null(accepted.Code);
        Assert.Equal(80.00m, LedgerTotals.Of(shop.Payments(order)).OpenAuthorizations);
        await shop.AssertReconcilesAsync(order);
    }

    [Fact]
    public async Task PAY8_a_different_card_pays_at_pickup_and_a_returning_customer_reuses_the_still_valid_authorization()
    {
        await shop.AddTenderAsync(order, "checkout", Shop.Tender("online", "tok_visa_ok", 100.00m));

        // The customer lost the card: the cashier takes another one for the goods picked up now.
        var (_, other) = await shop.AddTenderAsync(order, "pickup-1-card", Shop.Tender("store", "tok_mc_2", 40.00m, 40.00m, "pickup", "MC"));
        Assert.Null(other.Code);
        Assert.Equal(100.00m, LedgerTotals.Of(shop.Payments(order)).OpenAuthorizations);

        shop.Clock.Advance(TimeSpan.FromDays(3)); // back for the rest while the authorization still holds
        var second = await shop.CaptureAsync(order, "pickup-2", 60.00m);

        Assert.Equal(0m, second.BalanceDue);
        Assert.Equal(1, second.Captures.Single().TenderLineId);
        Assert.Equal(40.00m, LedgerTotals.Of(shop.Payments(order)).OpenAuthorizations);
        await shop.AssertReconcilesAsync(order);
    }

    [Fact]
    public async Task PAY8_a_different_card_authorized_at_pickup_is_captured_before_the_orders_other_tenders()
    {
        await shop.AddTenderAsync(order, "checkout", Shop.Tender("online", "tok_visa_ok", 100.00m));
        var (payments, _) = await shop.AddTenderAsync(order, "pickup-card", Shop.Tender("store", "tok_mc_2", 70.00m, 0m, "pickup", "MC"));
        var otherCard = payments.Tenders.Single(t => t.RequestKey == "pickup-card").Id;

        var request = new CaptureRequest("pickup-1", "pickup-1", TenderPurpose.Pickup, 70.00m, PreferredTenderLineId: otherCard);
        var result = await shop.Engine.RunAsync(order, null, (s, now) => CapturePlan.Next(s, request, now), default);

        var capture = Assert.Single(result.Tenders.SelectMany(t => t.Captures.Select(c => (t.Id, c.Amount))));
        Assert.Equal((otherCard, 70.00m), capture);
        Assert.Equal(100.00m, LedgerTotals.Of(result).OpenAuthorizations); // the checkout's authorization is left for later
        await shop.AssertReconcilesAsync(order);
    }

    [Fact]
    public async Task PAY9_an_expired_authorization_is_reauthorized_with_the_card_token_and_captured()
    {
        await shop.AddTenderAsync(order, "checkout", Shop.Tender("online", "tok_visa_ok", 75.00m));
        shop.Clock.Advance(TimeSpan.FromDays(8));

        var pickup = await shop.CaptureAsync(order, "pickup", 75.00m);

        Assert.Equal((75.00m, 0m), (pickup.Captured, pickup.BalanceDue));
        var line = shop.Payments(order).Tenders.Single();
        Assert.Equal(2, line.Authorizations.Count);
        Assert.Equal(pickup.Captures.Single().AuthorizationToken, line.Authorizations[1].Token);
        var totals = LedgerTotals.Of(shop.Payments(order));
        Assert.Equal((150.00m, 75.00m, 75.00m, 0m), (totals.Authorized, totals.Captured, totals.Expired, totals.OpenAuthorizations));
        await shop.AssertReconcilesAsync(order);
    }

    [Fact]
    public async Task PAY9_an_authorization_the_processor_refuses_to_capture_is_voided_reauthorized_and_when_that_fails_a_new_payment_is_asked()
    {
        var card = await shop.TokenizeAsync("4000000000000119"); // capture fails
        await shop.AddTenderAsync(order, "checkout", Shop.Tender("online", card, 50.00m));

        var pickup = await shop.CaptureAsync(order, "pickup", 50.00m);

        Assert.Equal((0m, 50.00m, true, "payment.new_tender_required"), (pickup.Captured, pickup.BalanceDue, pickup.NewTenderRequired, pickup.Code));
        var totals = LedgerTotals.Of(shop.Payments(order));
        Assert.Equal((0m, 0m), (totals.OpenAuthorizations, totals.Captured));
        await shop.AssertReconcilesAsync(order);

        var (_, newPayment) = await shop.AddTenderAsync(order, "pickup-new-card", Shop.Tender("store", "tok_visa_ok", 50.00m, 50.00m, "pickup"));
        Assert.Null(newPayment.Code);
    }

    [Fact]
    public async Task PAY9_an_expired_authorization_of_a_card_without_recurring_token_cannot_be_reauthorized()
    {
        await shop.AddTenderAsync(order, "checkout", Shop.Tender("online", "tok_expire_norecur", 50.00m));

        var pickup = await shop.CaptureAsync(order, "pickup", 50.00m);

        Assert.True(pickup.NewTenderRequired);
        Assert.Equal("card.token_not_recurring", shop.Payments(order).Tenders.Single().UnusableCode);
        await shop.AssertReconcilesAsync(order);
    }

    [Fact]
    public async Task PAY10_several_card_tenders_are_captured_in_turn_until_the_goods_being_picked_up_are_paid()
    {
        await shop.AddTenderAsync(order, "card-1", Shop.Tender("online", "tok_visa_1", 30.00m));
        await shop.AddTenderAsync(order, "card-2", Shop.Tender("online", "tok_mc_2", 50.00m, cardType: "MC"));
        await shop.AddTenderAsync(order, "card-3", Shop.Tender("online", "tok_amex_3", 40.00m, cardType: "AMEX"));

        var pickup = await shop.CaptureAsync(order, "pickup", 70.00m);

        Assert.Equal([(1, 30.00m), (2, 40.00m)], pickup.Captures.Select(c => (c.TenderLineId, c.Amount)));
        Assert.Equal(0m, pickup.BalanceDue);
        Assert.Equal(50.00m, LedgerTotals.Of(shop.Payments(order)).OpenAuthorizations);
        await shop.AssertReconcilesAsync(order);
    }

    [Fact]
    public async Task PAY11_a_cancellation_refunds_the_deposit_minus_the_charge_against_its_capture_token_and_voids_the_rest()
    {
        var (payments, _) = await shop.AddTenderAsync(order, "swipe", Shop.Tender("store", "tok_visa_ok", 150.00m, 30.00m));
        var depositCapture = payments.Tenders.Single().Captures.Single().Token;

        var cancelled = await shop.CancelAsync(order, "cancel", charge: 4.50m);

        Assert.Equal((25.50m, depositCapture), (cancelled.Refunds.Single().Amount, cancelled.Refunds.Single().CaptureToken));
        var totals = LedgerTotals.Of(cancelled);
        Assert.Equal((150.00m, 30.00m, 120.00m, 25.50m, 4.50m, 0m), (totals.Authorized, totals.Captured, totals.Voided, totals.Refunded,
            totals.NetCaptured, totals.OpenAuthorizations));
        await shop.AssertReconcilesAsync(order);
    }

    [Fact]
    public async Task PAY11_a_refund_references_a_capture_token_and_never_exceeds_it()
    {
        await shop.AddTenderAsync(order, "swipe", Shop.Tender("store", "tok_visa_ok", 60.00m, 60.00m));
        var capture = shop.Payments(order).Tenders.Single().Captures.Single().Token;

        var refund = await shop.RefundAsync(order, "refund-1", 10.00m, capture);
        var again = await shop.RefundAsync(order, "refund-1", 10.00m, capture);

        Assert.Equal(refund.Refunds, again.Refunds);
        Assert.Equal(10.00m, LedgerTotals.Of(shop.Payments(order)).Refunded);
        await shop.AssertReconcilesAsync(order);
    }

    [Fact]
    public async Task A_declined_card_leaves_a_declined_tender_and_no_money_moved()
    {
        var (payments, done) = await shop.AddTenderAsync(order, "deposit", Shop.Tender("store", "decline_do_not_honor", 100.00m, 20.00m));

        Assert.Equal("card.declined", done.Code);
        Assert.Single(payments.Declined);
        Assert.Equal(0m, LedgerTotals.Of(payments).Authorized);
    }

    [Fact]
    public async Task A_repeated_request_key_does_the_work_once()
    {
        await shop.AddTenderAsync(order, "checkout", Shop.Tender("online", "tok_visa_ok", 100.00m));
        await shop.CaptureAsync(order, "pickup", 40.00m);
        var operations = shop.Store.OperationsRun;

        var again = await shop.CaptureAsync(order, "pickup", 40.00m);

        Assert.Equal(40.00m, again.Captured);
        Assert.Equal(operations, shop.Store.OperationsRun);
        Assert.Equal(40.00m, LedgerTotals.Of(shop.Payments(order)).Captured);
    }
}
