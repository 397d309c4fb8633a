using System.Net;
using System.Net.Http.Json;
using OmniChannel.Contracts.Processor;
using OmniChannel.PaymentToken.Connectors;

namespace OmniChannel.UnitTests.Payment;

/// <summary>
/// Issue 12 / PAY-12: the processor's own words travel on (a decline's reason into the order's events and answers, a
/// problem's detail into the exception whoever catches it logs); a card token they quote leaves the service masked.
/// </summary>
public sealed class ProcessorTextTests
{
    private const string Token = "tok_3f9a0c1d2e4b5a6978800123";

    private sealed class Answering(HttpStatusCode status, object body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status) { Content = JsonContent.Create(body) });
    }

    private static HttpConnector Connector(HttpStatusCode status, object body) =>
        new("card-present", "merchant-1", cardPresent: true, new HttpClient(new Answering(status, body)) { BaseAddress = new Uri("http://processor/") });

    [Fact]
    public async Task A_decline_quoting_the_card_token_is_recorded_with_the_token_masked()
    {
        var connector = Connector(HttpStatusCode.OK, new ProcessorAnswer(ProcessorOutcome.Declined, Code: "card.declined",
            Reason: $"Card {Token} was declined by its issuer."));

        var result = await connector.AuthorizeAsync("key-1", Token, 10.00m, "USD", storedCredential: false, CancellationToken.None);

        Assert.Equal("Card ****0123 was declined by its issuer.", result.Reason);
    }

    [Fact]
    public async Task A_problem_quoting_the_card_token_throws_with_the_token_masked()
    {
        var connector = Connector(HttpStatusCode.BadRequest, new { code = "card.unknown", detail = $"No card {Token} is known here." });

        var failure = await Assert.ThrowsAsync<ProcessorCallException>(() => connector.VerifyAsync(Token, CancellationToken.None));

        Assert.Equal("The processor answered 400 card.unknown: No card ****0123 is known here.", failure.Message);
    }

    [Theory]
    [InlineData(null, Token, null)]
    [InlineData("card.declined", null, "card.declined")]
    [InlineData("card.declined", "", "card.declined")]
    public void Text_without_a_token_is_left_as_it_is(string? text, string? token, string? expected) =>
        Assert.Equal(expected, HttpConnector.Masked(text, token));
}
