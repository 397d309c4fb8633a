using System.Net;
using System.Text;
using System.Text.Json;
using OmniChannel.IntegrationTests.Infrastructure;
using StandardWebhooks;

namespace OmniChannel.IntegrationTests.Storefronts;

/// <summary>A storefront's signed webhooks through the gateway: stored once, acknowledged at once, forgeries refused.</summary>
[Collection(PlatformCollection.Name)]
public class StorefrontWebhookTests(PlatformFixture platform)
{
    private const string Path = "/api/storefronts/web/webhooks";
    private static readonly StandardWebhook Storefront = new(DevelopmentSecret());
    private readonly string webhookId = $"wh_{Guid.NewGuid():N}";
    private readonly string body = """{"type":"order.created","order":{"number":"WEB-1001","email":"karen.berg@example.com"}}""";

    [Fact]
    public async Task A_signed_webhook_is_acknowledged_and_a_retry_of_it_stores_nothing_more()
    {
        var first = await AcceptedAsync(await SendAsync(Signed(webhookId, body, DateTimeOffset.UtcNow)));
        var retry = await AcceptedAsync(await SendAsync(Signed(webhookId, body, DateTimeOffset.UtcNow.AddSeconds(1))));

        Assert.False(first.GetProperty("duplicate").GetBoolean());
        Assert.True(retry.GetProperty("duplicate").GetBoolean());
        Assert.Equal(webhookId, retry.GetProperty("webhookId").GetString());
    }

    [Fact]
    public async Task Unsigned_wrongly_signed_and_stale_webhooks_are_refused_and_store_nothing()
    {
        await Problems.AssertAsync(await SendAsync(new StringContent(body, Encoding.UTF8, "application/json")), HttpStatusCode.Unauthorized,
            "webhook.signature_invalid");
        var forged = new StandardWebhook(Convert.ToBase64String(Encoding.UTF8.GetBytes("not the storefront's secret, 32b")));
        await Problems.AssertAsync(await SendAsync(Signed(webhookId, body, DateTimeOffset.UtcNow, forged)), HttpStatusCode.Unauthorized,
            "webhook.signature_invalid");
        var tampered = Signed(webhookId, body, DateTimeOffset.UtcNow);
        await Problems.AssertAsync(await SendAsync(Recontent(tampered, body.Replace("WEB-1001", "WEB-9999"))), HttpStatusCode.Unauthorized,
            "webhook.signature_invalid");
        await Problems.AssertAsync(await SendAsync(Signed(webhookId, body, DateTimeOffset.UtcNow.AddMinutes(-10))), HttpStatusCode.Unauthorized,
            "webhook.stale");
        await Problems.AssertAsync(await SendAsync(Signed(webhookId, body, DateTimeOffset.UtcNow), path: "/api/storefronts/other/webhooks"),
            HttpStatusCode.Unauthorized, "webhook.signature_invalid");

        var stored = await AcceptedAsync(await SendAsync(Signed(webhookId, body, DateTimeOffset.UtcNow)));
        Assert.False(stored.GetProperty("duplicate").GetBoolean()); // none of the refused ones was kept
    }

    [Fact]
    public async Task The_same_signed_request_sent_again_is_a_replay()
    {
        var at = DateTimeOffset.UtcNow;
        await AcceptedAsync(await SendAsync(Signed(webhookId, body, at)));

        await Problems.AssertAsync(await SendAsync(Signed(webhookId, body, at)), HttpStatusCode.Unauthorized, "webhook.replayed");
    }

    [Fact]
    public async Task A_signed_body_with_a_raw_control_character_is_refused_and_stores_nothing()
    {
        await Problems.AssertAsync(await SendAsync(Signed(webhookId, "{\"note\":\"a\u0000b\"}", DateTimeOffset.UtcNow)), HttpStatusCode.BadRequest,
            "text.control_character");

        var stored = await AcceptedAsync(await SendAsync(Signed(webhookId, body, DateTimeOffset.UtcNow)));
        Assert.False(stored.GetProperty("duplicate").GetBoolean());
    }

    private static HttpContent Signed(string id, string payload, DateTimeOffset at, StandardWebhook? signer = null)
    {
        var content = new StringContent(payload, Encoding.UTF8, "application/json");
        content.Headers.Add("webhook-id", id);
        content.Headers.Add("webhook-timestamp", at.ToUnixTimeSeconds().ToString());
        content.Headers.Add("webhook-signature", (signer ?? Storefront).Sign(id, at, payload));
        return content;
    }

    private static HttpContent Recontent(HttpContent signed, string payload)
    {
        var content = new StringContent(payload, Encoding.UTF8, "application/json");
        foreach (var name in new[] { "webhook-id", "webhook-timestamp", "webhook-signature" })
            content.Headers.Add(name, signed.Headers.GetValues(name));
        return content;
    }

    private Task<HttpResponseMessage> SendAsync(HttpContent content, string path = Path) => platform.Gateway.PostAsync(path, content);

    private static async Task<JsonElement> AcceptedAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
            return await response.ReadJsonAsync();
        }
    }

    /// <summary>The sample storefront's development secret, as the Order service reads it.</summary>
    private static string DevelopmentSecret() =>
        JsonDocument.Parse(File.ReadAllText(System.IO.Path.Combine(RepositoryPaths.Root, "services", "Order", "appsettings.Development.json")))
            .RootElement.GetProperty("Storefronts").GetProperty("web").GetProperty("WebhookSecret").GetString()!;
}
