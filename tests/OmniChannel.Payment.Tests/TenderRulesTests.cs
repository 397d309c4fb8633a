using OmniChannel.Payment.Tests.Infrastructure;
using OmniChannel.PaymentToken.Features.Tenders;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.Payment.Tests;

public class TenderRulesTests
{
    private static readonly ProcessorResult Recurring = new(true, "tok", RecurringToken: true);
    private static readonly ProcessorResult NotRecurring = new(true, "tok", RecurringToken: false);

    [Theory]
    [InlineData("store", "TestConnector.CardPresent")]
    [InlineData("online", "TestConnector.CardNotPresent")]
    [InlineData("callCenter", "TestConnector.CardNotPresent")]
    public void PAY1_PAY2_one_tender_and_card_type_mapping_for_every_channel_with_the_channels_connector(string channel, string connector)
    {
        var (tender, refusal) = Shop.Tender(channel, "tok_visa_ok", 100m).Validate(Shop.Card);

        Assert.Null(refusal);
        Assert.Equal(("CARD", "VISA", connector, Shop.Merchant), (tender!.Tender.TenderTypeId, tender.Tender.CardTypeId, tender.Tender.ConnectorId, tender.Tender.MerchantId));
    }

    [Theory]
    [InlineData("VISA", "GIFT", "tender_type.unknown")]
    [InlineData("JCB", "CARD", "card_type.unknown")]
    public void PAY2_an_unknown_tender_or_card_type_is_refused_on_every_channel(string cardType, string tenderType, string code)
    {
        var request = Shop.Tender("online", "tok_visa_ok", 100m, cardType: cardType) with { TenderTypeId = tenderType };

        var (_, refusal) = request.Validate(tenderType == "CARD" ? Shop.Card : null);

        Assert.Equal(code, refusal!.Code);
    }

    [Theory]
    [InlineData("4111111111111111", "card.number_refused")]
    [InlineData("4111 1111 1111 1111", "card.number_refused")]
    [InlineData("", "card.token_required")]
    public void PAY12_a_card_number_is_never_accepted_as_a_token(string token, string code) =>
        Assert.Equal(code, Shop.Tender("store", token, 10m).Validate(Shop.Card).Item2!.Code);

    [Theory]
    [InlineData("tok\u0000visa")]
    [InlineData("tok\nvisa")]
    public void A_card_token_the_processor_cannot_take_is_refused_before_any_call(string token) =>
        Assert.Equal("card.token_invalid", Shop.Tender("store", token, 10m).Validate(Shop.Card).Item2!.Code);

    [Fact]
    public void A_card_token_is_at_most_255_characters()
    {
        Assert.Null(Shop.Tender("store", new string('t', 255), 10m).Validate(Shop.Card).Item2);
        Assert.Equal("card.token_invalid", Shop.Tender("store", new string('t', 256), 10m).Validate(Shop.Card).Item2!.Code);
    }

    [Theory]
    [InlineData(0, 0, "amount.invalid")]
    [InlineData(10.005, 0, "amount.invalid")]
    [InlineData(10, 10.01, "amount.capture_invalid")]
    [InlineData(10, -1, "amount.capture_invalid")]
    public void Amounts_are_positive_cents_and_a_capture_never_exceeds_the_authorization(decimal amount, decimal capture, string code) =>
        Assert.Equal(code, Shop.Tender("store", "tok", amount, capture).Validate(Shop.Card).Item2!.Code);

    [Theory]
    [InlineData(null)]
    [InlineData("usd")]
    [InlineData("DOLLARS")]
    [InlineData("U\u0000D")]
    public void An_amount_without_its_iso_currency_code_is_refused(string? currency) =>
        Assert.Equal("currency.invalid", (Shop.Tender("online", "tok_visa_ok", 10m) with { Currency = currency }).Validate(Shop.Card).Item2!.Code);

    [Fact]
    public void PAY4_a_call_center_payment_is_always_a_prepayment()
    {
        var (tender, _) = Shop.Tender("callCenter", "tok_visa_ok", 100m, 100m).Validate(Shop.Card);
        Assert.True(tender!.Tender.Prepayment);
        Assert.Equal(TenderPurpose.Prepayment, tender.Purpose);

        var (_, refusal) = Shop.Tender("callCenter", "tok_visa_ok", 100m, prepayment: false).Validate(Shop.Card);
        Assert.Equal("tender.prepayment_required", refusal!.Code);
    }

    [Fact]
    public void PAY5_a_single_swipe_authorizes_the_whole_order_and_captures_the_deposit()
    {
        var tender = Shop.Tender("store", "tok", 100m, 20m).Validate(Shop.Card).Item1!;

        Assert.Equal(new TenderDecision(100m, 20m, false), TenderRules.Decide(tender, Recurring));
    }

    [Fact]
    public void PAY7_a_card_without_recurring_token_pays_the_deposit_only_and_asks_for_a_second_card()
    {
        var tender = Shop.Tender("store", "tok", 100m, 20m).Validate(Shop.Card).Item1!;

        Assert.Equal(new TenderDecision(20m, 20m, SecondCardRequired: true), TenderRules.Decide(tender, NotRecurring));
    }

    [Fact]
    public void PAY7_a_second_card_without_recurring_token_is_refused()
    {
        var secondCard = Shop.Tender("store", "tok", 80m).Validate(Shop.Card).Item1!;

        Assert.Equal("card.recurring_token_unavailable", TenderRules.Decide(secondCard, NotRecurring).Refusal!.Code);
    }

    [Fact]
    public void A_card_paying_in_full_needs_no_recurring_token_and_online_authorizations_take_any_card()
    {
        Assert.Null(TenderRules.Decide(Shop.Tender("store", "tok", 100m, 100m).Validate(Shop.Card).Item1!, NotRecurring).Refusal);
        Assert.Null(TenderRules.Decide(Shop.Tender("online", "tok", 100m).Validate(Shop.Card).Item1!, NotRecurring).Refusal);
    }

    [Fact]
    public void A_declined_verification_refuses_the_tender_with_the_processors_code() =>
        Assert.Equal("card.declined", TenderRules.Decide(Shop.Tender("store", "tok", 10m).Validate(Shop.Card).Item1!,
            ProcessorResult.Decline("card.declined", "do not honor")).Refusal!.Code);
}
