using OmniChannel.Contracts.Payment;
using OmniChannel.Payment.Tests.Infrastructure;
using OmniChannel.PaymentToken.Features.Deposits;
using OmniChannel.PaymentToken.Features.Tenders;
using OmniChannel.PaymentToken.Payments;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.Payment.Tests;

/// <summary>The Order saga's CaptureDeposit as CaptureDepositConsumer handles it: the same rules, plan and emulator, without the bus.</summary>
public class DepositMessageTests
{
    private readonly Shop shop = new();
    private readonly Guid order = Guid.NewGuid();

    private CaptureDeposit Deposit(string cardToken, decimal amount, decimal? balance = null, SalesChannel channel = SalesChannel.Store) => new()
    {
        OrderId = order, ConfirmationNumber = "HOU-TEST-0001", StoreId = "HOUSTON", TenderTypeId = "CARD", CardTypeId = "VISA",
        CardToken = cardToken, Amount = amount, Currency = "USD", BalanceToAuthorize = balance, Channel = channel,
    };

    private async Task<DepositView> TakeAsync(CaptureDeposit request, IPaymentJournal? journal = null)
    {
        var (tender, refusal) = DepositTender.From(request, Shop.Card, ledgerCurrency: null);
        var decision = refusal is not null
            ? TenderDecision.Refuse(refusal.Code, refusal.Detail)
            : TenderRules.Decide(tender, await shop.Connectors.For(tender.Tender.ConnectorId, tender.Tender.MerchantId, tender.Tender.CardPresent)
                .VerifyAsync(tender.Tender.CardToken, default));
        var engine = journal is null ? shop.Engine : new PaymentEngine(journal, shop.Connectors, shop.Clock);
        var payments = await engine.RunAsync(order, new LedgerOpening(request.ConfirmationNumber, request.Currency),
            (s, now) => TenderPlan.Next(s, tender, decision, DepositView.RequestKey, DepositView.RequestKey, now), default);
        return DepositView.Of(payments)!;
    }

    [Fact]
    public async Task ORD3_a_deposit_without_balance_is_captured_as_before_through_the_card_present_connector()
    {
        var deposit = await TakeAsync(Deposit("tok_visa_ok", 30.00m));

        Assert.Equal((DepositStatus.Captured, 30.00m, 0m, "TestConnector.CardPresent"),
            (deposit.Status, deposit.Amount, deposit.OpenAuthorization, deposit.ConnectorId));
        Assert.NotNull(deposit.CaptureToken);
    }

    [Fact]
    public async Task PAY5_the_deposit_swipe_authorizes_the_balance_for_pickup_and_invoicing()
    {
        var deposit = await TakeAsync(Deposit("tok_visa_ok", 30.00m, balance: 120.00m));

        Assert.Equal((30.00m, 150.00m, 120.00m), (deposit.Amount, deposit.AuthorizedAmount, deposit.OpenAuthorization));
        var pickup = await shop.CaptureAsync(order, "pickup", 120.00m);
        Assert.Equal(0m, pickup.BalanceDue);
        await shop.AssertReconcilesAsync(order);
    }

    [Fact]
    public async Task PAY7_a_deposit_card_without_recurring_token_takes_the_deposit_only()
    {
        var deposit = await TakeAsync(Deposit("tok_norecur_visa", 30.00m, balance: 120.00m));

        Assert.Equal((DepositStatus.Captured, 30.00m, 0m, false), (deposit.Status, deposit.AuthorizedAmount, deposit.OpenAuthorization, deposit.RecurringToken));
    }

    [Fact]
    public async Task PAY3_a_storefront_checkout_authorizes_the_order_through_the_card_not_present_connector_and_captures_nothing()
    {
        var checkout = await TakeAsync(Deposit("tok_visa_ok", 0m, balance: 150.00m, channel: SalesChannel.Online));

        Assert.Equal((DepositStatus.Authorized, 0m, 150.00m, 150.00m, "TestConnector.CardNotPresent"),
            (checkout.Status, checkout.Amount, checkout.AuthorizedAmount, checkout.OpenAuthorization, checkout.ConnectorId));
        Assert.Null(checkout.CaptureToken);
        Assert.Equal(0m, LedgerTotals.Of(shop.Payments(order)).Prepaid);
        Assert.Equal(0m, (await shop.CaptureAsync(order, "pickup", 150.00m)).BalanceDue);
        await shop.AssertReconcilesAsync(order);
    }

    [Fact]
    public async Task PAY4_a_call_center_payment_is_captured_as_a_prepayment_through_the_card_not_present_connector()
    {
        var payment = await TakeAsync(Deposit("tok_norecur_visa", 30.00m, balance: 120.00m, channel: SalesChannel.CallCenter));

        var line = shop.Payments(order).Tenders.Single();
        Assert.Equal((Channel.CallCenter, false, true), (line.Tender.Channel, line.Tender.CardPresent, line.Tender.Prepayment));
        Assert.Equal(TenderPurpose.Prepayment, line.Captures.Single().Purpose);
        // PAY-7's second card is a store terminal's legacy flow: card not present, the whole order is authorized.
        Assert.Equal((30.00m, 120.00m), (payment.Amount, payment.OpenAuthorization));
        Assert.Equal(30.00m, LedgerTotals.Of(shop.Payments(order)).Prepaid);
    }

    [Theory]
    [InlineData(SalesChannel.Store, 0, 50.00, "amount.invalid")]
    [InlineData(SalesChannel.Online, 0, 0, "amount.invalid")]
    [InlineData((SalesChannel)7, 10.00, 50.00, "tender.channel_unknown")] // a value no sender knows (a newer one, or a forged message)
    public void A_payment_at_order_time_must_take_or_authorize_something_through_a_known_channel(SalesChannel channel, decimal amount, decimal balance,
        string code) =>
        Assert.Equal(code, DepositTender.From(Deposit("tok_visa_ok", amount, balance, channel), Shop.Card, ledgerCurrency: null).Refusal?.Code);

    [Theory]
    [InlineData("USD", null, null)]
    [InlineData("EUR", null, null)]          // a store in another country opens its order's payments in its currency
    [InlineData("EUR", "USD", "amount.invalid")]
    [InlineData("usd", null, "amount.invalid")]
    public void A_deposit_is_in_the_orders_currency(string currency, string? ledgerCurrency, string? code) =>
        Assert.Equal(code, DepositTender.From(Deposit("tok_visa_ok", 30.00m) with { Currency = currency }, Shop.Card, ledgerCurrency).Refusal?.Code);

    [Theory]
    [InlineData("decline_insufficient_funds", 30.00, "card.declined")]
    [InlineData("decline_do_not_honor", 30.00, "card.declined")]
    [InlineData("tok_visa_ok", 0, "amount.invalid")]
    [InlineData("tok_capfail_visa", 30.00, "capture.failed")]
    public async Task ORD3_a_refused_deposit_is_declined_with_a_code_and_no_capture_token_and_holds_no_money(string token, decimal amount, string code)
    {
        var deposit = await TakeAsync(Deposit(token, amount, balance: 50.00m));

        Assert.Equal((DepositStatus.Declined, code), (deposit.Status, deposit.DeclineCode));
        Assert.Null(deposit.CaptureToken);
        Assert.Equal(0m, LedgerTotals.Of(shop.Payments(order)).OpenAuthorizations);
        await shop.AssertReconcilesAsync(order);
    }

    [Fact]
    public async Task A_redelivered_deposit_asks_the_processor_nothing_and_answers_the_same()
    {
        var first = await TakeAsync(Deposit("tok_visa_ok", 30.00m, 70.00m));
        var operations = shop.Store.OperationsRun;

        var again = await TakeAsync(Deposit("tok_visa_ok", 30.00m, 70.00m));

        Assert.Equal(first, again);
        Assert.Equal(operations, shop.Store.OperationsRun);
    }

    [Fact]
    public async Task A_deposit_redelivered_after_a_crash_captures_once_even_if_a_tender_was_added_meanwhile()
    {
        var request = Deposit("tok_visa_ok", 30.00m, balance: 70.00m);
        await TakeAsync(request, shop.Journal.BeginTransaction()); // the processor answered; the service died before the commit

        await shop.AddTenderAsync(order, "other-card", Shop.Tender("store", "tok_mc_ok", 10.00m, cardType: "MC")); // takes line 1
        var transaction = shop.Journal.BeginTransaction();
        var redelivered = await TakeAsync(request, transaction);
        transaction.Commit(order);

        Assert.Equal((DepositStatus.Captured, 2, 30.00m), (redelivered.Status, redelivered.TenderLineId, redelivered.Amount));
        Assert.Equal(30.00m, LedgerTotals.Of(shop.Payments(order)).Captured);
        await shop.AssertReconcilesAsync(order); // the processor captured 30 once, under the deposit's keys
    }
}
