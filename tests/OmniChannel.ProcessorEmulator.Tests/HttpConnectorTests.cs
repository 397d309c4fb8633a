using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using OmniChannel.Payment.Tests.Infrastructure;
using OmniChannel.PaymentToken.Features.Tenders;
using OmniChannel.ProcessorEmulator.Tests.Infrastructure;

namespace OmniChannel.ProcessorEmulator.Tests;

/// <summary>
/// Payment-Token's HttpConnector against the real emulator (PAY-1): a decision comes back as the in-process emulator
/// gave it, approved or declined; a call the processor did not decide on is an unknown outcome, never a decline.
/// </summary>
[Collection(EmulatorCollection.Name)]
public class HttpConnectorTests(EmulatorFixture emulator)
{
    private readonly string order = Guid.NewGuid().ToString("N");

    [Fact]
    public async Task A_tokenized_card_is_authorized_captured_refunded_and_voided_and_the_processor_lists_what_it_did()
    {
        var connector = emulator.Connector();
        var card = await TokenizeAsync("4111 1111 1111 1111");

        var verification = await connector.VerifyAsync(card, default);
        var auth = await connector.AuthorizeAsync(Key("a"), card, 150.00m, "USD", storedCredential: false, default);
        var capture = await connector.CaptureAsync(Key("c"), auth.Token!, 100.00m, default);
        var refund = await connector.RefundAsync(Key("r"), capture.Token!, 40.00m, default);
        var voided = await connector.VoidAsync(Key("v"), auth.Token!, default);

        Assert.True(verification.Approved && verification.RecurringToken);
        Assert.True(auth.Approved);
        Assert.StartsWith("auth_", auth.Token);
        Assert.Equal(150.00m, auth.Amount);
        Assert.True(auth.ExpiresAt > DateTimeOffset.UtcNow.AddDays(6));
        Assert.Equal((true, 100.00m), (capture.Approved, capture.Amount));
        Assert.Equal((true, 40.00m), (refund.Approved, refund.Amount));
        Assert.Equal((true, 50.00m), (voided.Approved, voided.Amount)); // what the authorization still held
        var operations = await connector.OperationsAsync($"{order}:", default);
        Assert.Equal(["authorize", "capture", "refund", "void"], operations.Select(o => o.Kind));
        Assert.Equal([auth.Token, capture.Token, refund.Token, auth.Token], operations.Select(o => o.Answer.Token));
    }

    [Theory]
    [InlineData("decline_do_not_honor", "card.declined")]
    [InlineData("tok_nsf_1", "card.insufficient_funds")]
    public async Task A_declined_card_is_a_decline_with_the_processors_code_not_a_failure(string card, string code)
    {
        var connector = emulator.Connector();

        var result = await connector.AuthorizeAsync(Key("a"), card, 150.00m, "USD", false, default);

        Assert.False(result.Approved);
        Assert.Equal(code, result.Code);
        Assert.False(string.IsNullOrEmpty(result.Reason));
    }

    [Fact]
    public async Task A_declined_test_card_is_declined_at_verification_and_an_expired_authorization_at_capture()
    {
        var connector = emulator.Connector();

        Assert.Equal("card.declined", (await connector.VerifyAsync(await TokenizeAsync("4000000000000002"), default)).Code);
        var auth = await connector.AuthorizeAsync(Key("a"), "tok_expire_1", 20.00m, "USD", false, default);
        Assert.Equal("authorization.expired", (await connector.CaptureAsync(Key("c"), auth.Token!, 20.00m, default)).Code);
    }

    [Fact]
    public async Task A_retry_under_the_same_key_gets_the_first_answer_and_never_captures_twice()
    {
        var connector = emulator.Connector();
        var auth = await connector.AuthorizeAsync(Key("a"), "tok_visa_ok", 80.00m, "USD", false, default);

        // A terminal's retry and the recovery job at once, then once more: one capture.
        var captures = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => connector.CaptureAsync(Key("c"), auth.Token!, 50.00m, default)));
        var again = await connector.CaptureAsync(Key("c"), auth.Token!, 50.00m, default);

        Assert.All(captures.Append(again), c => Assert.Equal((true, captures[0].Token, 50.00m), (c.Approved, c.Token, c.Amount)));
        Assert.Equal("authorization.amount_exceeded", (await connector.CaptureAsync(Key("c2"), auth.Token!, 30.01m, default)).Code);
        Assert.Single(await connector.OperationsAsync($"{order}:c", default), o => o.Answer.Approved);
    }

    [Fact]
    public async Task The_same_key_with_another_request_is_refused_as_key_reused_and_nothing_is_done()
    {
        var connector = emulator.Connector();
        var auth = await connector.AuthorizeAsync(Key("a"), "tok_visa_ok", 80.00m, "USD", false, default);
        var first = await connector.CaptureAsync(Key("c"), auth.Token!, 50.00m, default);

        var reused = await connector.CaptureAsync(Key("c"), auth.Token!, 30.00m, default);

        Assert.False(reused.Approved);
        Assert.Equal("idempotency.key_reused", reused.Code);
        Assert.Equal(first.Token, (await connector.CaptureAsync(Key("c"), auth.Token!, 50.00m, default)).Token);
        Assert.True((await connector.CaptureAsync(Key("c3"), auth.Token!, 30.00m, default)).Approved); // 30.00 was still there
    }

    [Fact]
    public async Task A_card_token_belongs_to_the_merchant_it_was_issued_to()
    {
        var card = await TokenizeAsync("5555555555554444");

        Assert.Equal("card.token_unknown", (await emulator.Connector("OMNI-CA-001").AuthorizeAsync(Key("a"), card, 20.00m, "USD", false, default)).Code);
        Assert.True((await emulator.Connector().AuthorizeAsync(Key("a"), card, 20.00m, "USD", false, default)).Approved);
    }

    [Fact]
    public async Task An_unreachable_processor_is_an_unknown_outcome_never_a_decline()
    {
        var down = emulator.Connector(processor: ClosedPort());

        await Assert.ThrowsAsync<HttpRequestException>(() => down.VerifyAsync("tok_visa_ok", default));
        await Assert.ThrowsAsync<HttpRequestException>(() => down.AuthorizeAsync(Key("a"), "tok_visa_ok", 20.00m, "USD", false, default));
        await Assert.ThrowsAsync<HttpRequestException>(() => down.CaptureAsync(Key("c"), "auth_x", 20.00m, default));
    }

    [Fact]
    public async Task A_call_the_processor_did_not_answer_stays_journaled_and_is_made_again_under_its_key()
    {
        var store = new InMemoryEventStore();
        var orderId = Guid.NewGuid();
        var (tender, decision) = Tender("tok_visa_ok", 100.00m);

        var down = new PaymentEngine(store.Journal(), emulator.Connectors(ClosedPort()), TimeProvider.System);
        await Assert.ThrowsAsync<HttpRequestException>(() => down.RunAsync(orderId, Opening, Plan(tender, decision), default));
        var pending = Assert.Single(store.State(orderId)!.Pending);
        Assert.Empty(store.State(orderId)!.Declined);

        var up = new PaymentEngine(store.Journal(), emulator.Connectors(), TimeProvider.System);
        var payments = await up.RunAsync(orderId, null, (_, _) => PaymentStep.Finished, default); // what PendingCallRecovery runs

        Assert.Empty(payments.Pending);
        Assert.Equal(100.00m, Assert.Single(payments.Tenders).Authorizations.Single().Amount);
        var operation = Assert.Single(await emulator.Connector().OperationsAsync($"{orderId:N}:", default));
        Assert.Equal((pending.Key, "authorize"), (operation.Key, operation.Kind));
    }

    [Fact]
    public async Task A_key_the_processor_holds_for_another_request_stops_the_engine_with_nothing_recorded()
    {
        var store = new InMemoryEventStore();
        var orderId = Guid.NewGuid();
        var (tender, decision) = Tender("tok_visa_ok", 100.00m);
        var down = new PaymentEngine(store.Journal(), emulator.Connectors(ClosedPort()), TimeProvider.System);
        await Assert.ThrowsAsync<HttpRequestException>(() => down.RunAsync(orderId, Opening, Plan(tender, decision), default));
        var key = Assert.Single(store.State(orderId)!.Pending).Key;
        Assert.True((await emulator.Connector().AuthorizeAsync(key, "tok_visa_ok", 99.00m, "USD", false, default)).Approved);
        var events = store.Events(orderId).Count;

        var up = new PaymentEngine(store.Journal(), emulator.Connectors(), TimeProvider.System);
        // Permanent (issue 13): not retried, recorded for an operator; the key is not the engine's to reuse.
        var refused = await Assert.ThrowsAsync<OmniChannel.ServiceDefaults.Failures.PermanentFailureException>(
            () => up.RunAsync(orderId, Opening, Plan(tender, decision), default));
        Assert.Equal("payment.key_reused", refused.Failure.Code);

        Assert.Equal(events, store.Events(orderId).Count);
        Assert.Single(store.State(orderId)!.Pending);
    }

    private static readonly LedgerOpening Opening = new("WEB-1", "USD");

    private string Key(string name) => $"{order}:{name}";

    private static (NewTender, TenderDecision) Tender(string cardToken, decimal amount) =>
        (new NewTender(new CardTender(Channel.Online, null, "CARD", "VISA", "TestConnector.CardNotPresent", EmulatorFixture.Merchant, false, cardToken, true),
            amount, 0m, TenderPurpose.Prepayment), new TenderDecision(amount, 0m, false));

    private static Func<OrderPayments, DateTimeOffset, PaymentStep> Plan(NewTender tender, TenderDecision decision) =>
        (s, now) => TenderPlan.Next(s, tender, decision, "t1", "t1", now);

    private async Task<string> TokenizeAsync(string cardNumber)
    {
        using var response = await emulator.Client.PostAsJsonAsync("/tokenize", new { merchantId = EmulatorFixture.Merchant, cardNumber });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cardToken").GetString()!;
    }

    /// <summary>A loopback port nothing listens on: connections to it are refused.</summary>
    private static Uri ClosedPort()
    {
        var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}");
    }
}
