using OmniChannel.Payment.Tests.Infrastructure;
using OmniChannel.ProcessorEmulator;

namespace OmniChannel.Payment.Tests;

/// <summary>The processor emulator behind the connectors (PAY-1): its test cards, tokens, expiry and idempotency.</summary>
public class ProcessorEmulatorTests
{
    private const string Merchant = Shop.Merchant;
    private readonly Shop shop = new();
    private Emulator Processor => shop.Processor;

    [Fact]
    public async Task PAY12_tokenizing_a_test_card_keeps_no_card_number_only_a_token_and_the_last_four_digits()
    {
        var token = await shop.TokenizeAsync("4111 1111 1111 1111");

        Assert.StartsWith("ctk_", token);
        Assert.DoesNotContain("1111111111", token);
        Assert.NotEmpty(shop.Store.Contents);
        Assert.All(shop.Store.Contents, stored => Assert.DoesNotContain("4111111111111111", stored));
        Assert.Equal("1111", (await Processor.FindAsync<CardRecord>(token, default))!.Last4);
    }

    [Fact]
    public async Task Only_the_catalogues_test_cards_are_tokenized()
    {
        var result = await Processor.TokenizeAsync(Merchant, "4242424242424241", default);

        Assert.False(result.Approved);
        Assert.Equal("card.number_unknown", result.Code);
        Assert.DoesNotContain("4242424242424241", result.Reason);
    }

    [Theory]
    [InlineData("4111111111111111", null)]
    [InlineData("4000000000000002", "card.declined")]
    [InlineData("4000000000009995", "card.insufficient_funds")]
    public async Task A_test_card_authorizes_as_its_catalogue_entry_says(string number, string? declineCode)
    {
        var token = await shop.TokenizeAsync(number);

        var result = await Processor.AuthorizeAsync(Merchant, "k1", token, 150.00m, "USD", cardPresent: true, storedCredential: false, default);

        Assert.Equal(declineCode is null, result.Approved);
        Assert.Equal(declineCode, result.Code);
    }

    [Theory]
    [InlineData("decline_insufficient_funds", "card.declined")]
    [InlineData("decline_do_not_honor", "card.declined")]
    [InlineData("tok_nsf_visa", "card.insufficient_funds")]
    [InlineData("tok_visa_ok", null)]
    [InlineData("tok_bench", null)]
    [InlineData("tok_visa_4242", null)]
    public async Task Well_known_tokens_keep_their_behaviour(string token, string? declineCode)
    {
        var result = await Processor.AuthorizeAsync(Merchant, "k1", token, 150.00m, "USD", true, false, default);

        Assert.Equal(declineCode, result.Code);
    }

    [Fact]
    public async Task Insufficient_funds_approve_up_to_the_cards_limit()
    {
        Assert.True((await Processor.AuthorizeAsync(Merchant, "k1", "tok_nsf", 100.00m, "USD", true, false, default)).Approved);
        Assert.False((await Processor.AuthorizeAsync(Merchant, "k2", "tok_nsf", 100.01m, "USD", true, false, default)).Approved);
    }

    [Fact]
    public async Task A_retried_capture_with_the_same_key_captures_once_and_answers_the_same_token()
    {
        var auth = await Processor.AuthorizeAsync(Merchant, "a", "tok_visa_ok", 80.00m, "USD", true, false, default);

        var first = await Processor.CaptureAsync(Merchant, "c", auth.Token!, 50.00m, default);
        var retry = await Processor.CaptureAsync(Merchant, "c", auth.Token!, 50.00m, default);

        Assert.Equal(first, retry);
        Assert.Equal(50.00m, (await Processor.FindAsync<AuthorizationRecord>(auth.Token!, default))!.Captured);
        var reused = await Processor.CaptureAsync(Merchant, "c", auth.Token!, 30.00m, default);
        Assert.Equal("idempotency.key_reused", reused.Code);
    }

    [Fact]
    public async Task Partial_captures_follow_one_another_up_to_the_authorized_amount()
    {
        var auth = await Processor.AuthorizeAsync(Merchant, "a", "tok_visa_ok", 80.00m, "USD", true, false, default);

        Assert.True((await Processor.CaptureAsync(Merchant, "c1", auth.Token!, 50.00m, default)).Approved);
        Assert.True((await Processor.CaptureAsync(Merchant, "c2", auth.Token!, 30.00m, default)).Approved);
        Assert.Equal("authorization.amount_exceeded", (await Processor.CaptureAsync(Merchant, "c3", auth.Token!, 0.01m, default)).Code);
    }

    [Fact]
    public async Task PAY1_a_token_issued_to_one_merchant_and_its_authorizations_mean_nothing_to_another()
    {
        var token = await shop.TokenizeAsync("5555555555554444");
        var auth = await Processor.AuthorizeAsync(Merchant, "a", token, 20.00m, "USD", false, false, default);

        Assert.Equal("card.token_unknown", (await Processor.AuthorizeAsync("OTHER-MERCHANT", "a", token, 20.00m, "USD", false, false, default)).Code);
        Assert.Equal("authorization.unknown", (await Processor.CaptureAsync("OTHER-MERCHANT", "c", auth.Token!, 20.00m, default)).Code);
        Assert.True((await Processor.CaptureAsync(Merchant, "c", auth.Token!, 20.00m, default)).Approved);
    }

    [Fact]
    public async Task An_authorization_expires_after_its_lifetime_and_a_stored_credential_reauthorizes_it()
    {
        var auth = await Processor.AuthorizeAsync(Merchant, "a", "tok_visa_ok", 20.00m, "USD", false, false, default);
        shop.Clock.Advance(TimeSpan.FromDays(7));

        Assert.Equal("authorization.expired", (await Processor.CaptureAsync(Merchant, "c", auth.Token!, 20.00m, default)).Code);
        var again = await Processor.AuthorizeAsync(Merchant, "r", "tok_visa_ok", 20.00m, "USD", false, storedCredential: true, default);
        Assert.True((await Processor.CaptureAsync(Merchant, "c2", again.Token!, 20.00m, default)).Approved);
    }

    [Fact]
    public async Task The_expires_at_once_card_cannot_be_captured_but_its_stored_credential_reauthorization_can()
    {
        var token = await shop.TokenizeAsync("4000000000000069");
        var auth = await Processor.AuthorizeAsync(Merchant, "a", token, 20.00m, "USD", false, false, default);

        Assert.Equal("authorization.expired", (await Processor.CaptureAsync(Merchant, "c", auth.Token!, 20.00m, default)).Code);
        var again = await Processor.AuthorizeAsync(Merchant, "r", token, 20.00m, "USD", false, storedCredential: true, default);
        Assert.True((await Processor.CaptureAsync(Merchant, "c2", again.Token!, 20.00m, default)).Approved);
    }

    [Fact]
    public async Task A_card_without_recurring_token_is_authorized_with_the_card_but_not_charged_without_it()
    {
        var token = await shop.TokenizeAsync("4000000000003220");

        Assert.StartsWith("otk_", token);
        Assert.False((await Processor.VerifyAsync(Merchant, token, default)).RecurringToken);
        Assert.True((await Processor.AuthorizeAsync(Merchant, "a", token, 20.00m, "USD", true, false, default)).Approved);
        Assert.Equal("card.token_not_recurring", (await Processor.AuthorizeAsync(Merchant, "r", token, 20.00m, "USD", true, true, default)).Code);
    }

    [Fact]
    public async Task The_capture_failure_card_authorizes_but_never_captures()
    {
        var token = await shop.TokenizeAsync("4000000000000119");
        var auth = await Processor.AuthorizeAsync(Merchant, "a", token, 20.00m, "USD", true, false, default);

        Assert.True(auth.Approved);
        Assert.Equal("capture.failed", (await Processor.CaptureAsync(Merchant, "c", auth.Token!, 20.00m, default)).Code);
    }

    [Fact]
    public async Task A_void_releases_what_the_authorization_still_holds_and_a_refund_is_bounded_by_its_capture()
    {
        var auth = await Processor.AuthorizeAsync(Merchant, "a", "tok_visa_ok", 100.00m, "USD", true, false, default);
        var capture = await Processor.CaptureAsync(Merchant, "c", auth.Token!, 30.00m, default);

        Assert.Equal(70.00m, (await Processor.VoidAsync(Merchant, "v", auth.Token!, default)).Amount);
        Assert.Equal("authorization.voided", (await Processor.CaptureAsync(Merchant, "c2", auth.Token!, 10.00m, default)).Code);
        Assert.True((await Processor.RefundAsync(Merchant, "r1", capture.Token!, 25.00m, default)).Approved);
        Assert.Equal("refund.amount_exceeded", (await Processor.RefundAsync(Merchant, "r2", capture.Token!, 5.01m, default)).Code);
    }
}
