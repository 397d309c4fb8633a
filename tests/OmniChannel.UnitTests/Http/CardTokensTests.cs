using System.Text.Json.Nodes;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.UnitTests.Http;

public class CardTokensTests
{
    [Theory]
    [InlineData("tok_visa_4242", "****4242")]
    [InlineData("4242", "****")]
    [InlineData("", "****")]
    public void A_card_token_shows_only_its_last_four(string token, string shown) => Assert.Equal(shown, CardTokens.Mask(token));

    [Fact]
    public void PAY12_every_card_token_in_an_events_data_is_masked_and_nothing_else_changes()
    {
        var data = JsonNode.Parse("""
            {"deposit":{"tenderTypeId":"CARD","cardToken":"tok_visa_4242"},"payments":[{"CardToken":"ctk_abcd1234"}],"cardTokenCount":2,"note":"tok"}
            """);

        var masked = CardTokens.MaskIn(data)!.ToJsonString();

        Assert.Equal("""{"deposit":{"tenderTypeId":"CARD","cardToken":"****4242"},"payments":[{"CardToken":"****1234"}],"cardTokenCount":2,"note":"tok"}""",
            masked);
    }
}
