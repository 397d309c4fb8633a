using Microsoft.AspNetCore.Http;
using OmniChannel.Order.Features.StorefrontWebhooks;
using StandardWebhooks;

namespace OmniChannel.UnitTests.Order;

public class WebhookSignatureTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string Body = """{"type":"order.created"}""";
    private static readonly StorefrontWebhookOptions Options = new() { Storefronts = { ["web"] = new() { WebhookSecret = Secret } } };

    private static WebhookHeaders Signed(string id, DateTimeOffset at, string body = Body, string secret = Secret) =>
        new(id, at.ToUnixTimeSeconds().ToString(), new StandardWebhook(secret).Sign(id, at, body));

    [Fact]
    public void A_webhook_signed_with_the_storefronts_secret_is_accepted() =>
        Assert.Null(WebhookSignature.Verify(Options, "web", Signed("wh_1", DateTimeOffset.UtcNow), Body));

    [Fact]
    public void Another_secret_another_storefront_or_another_body_is_refused()
    {
        Assert.Equal("webhook.signature_invalid",
            WebhookSignature.Verify(Options, "web", Signed("wh_1", DateTimeOffset.UtcNow, secret: "whsec_QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE="), Body)?.Code);
        Assert.Equal("webhook.signature_invalid", WebhookSignature.Verify(Options, "shop2", Signed("wh_1", DateTimeOffset.UtcNow), Body)?.Code);
        Assert.Equal("webhook.signature_invalid", WebhookSignature.Verify(Options, "web", Signed("wh_1", DateTimeOffset.UtcNow), Body + " ")?.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("wh 1")]
    [InlineData("wh\u00001")]
    public void A_missing_or_malformed_webhook_id_is_refused(string id) =>
        Assert.Equal("webhook.signature_invalid", WebhookSignature.Verify(Options, "web", Signed(id, DateTimeOffset.UtcNow), Body)?.Code);

    [Fact]
    public void Missing_headers_are_refused() =>
        Assert.Equal("webhook.signature_invalid", WebhookSignature.Verify(Options, "web", WebhookHeaders.From(new HeaderDictionary()), Body)?.Code);

    [Theory]
    [InlineData(-6)]
    [InlineData(6)]
    public void A_timestamp_more_than_five_minutes_away_is_stale(int minutes) =>
        Assert.Equal("webhook.stale", WebhookSignature.Verify(Options, "web", Signed("wh_1", DateTimeOffset.UtcNow.AddMinutes(minutes)), Body)?.Code);

    [Fact]
    public void The_very_same_request_again_is_a_replay_a_new_signing_of_it_is_a_retry()
    {
        var at = DateTimeOffset.UtcNow;
        var first = Signed("wh_1", at);
        var received = new ReceivedWebhook("web/wh_1", "web", "wh_1", at.ToUnixTimeSeconds(), first.Signature, Body, at);

        Assert.True(WebhookSignature.IsReplay(received, first));
        Assert.False(WebhookSignature.IsReplay(received, Signed("wh_1", at.AddSeconds(30))));
    }
}
