using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using OmniChannel.IntegrationTests.Infrastructure;
using OmniChannel.IntegrationTests.Orders;
using StandardWebhooks;

namespace OmniChannel.IntegrationTests.Inventory;

/// <summary>
/// INV-2's push through the gateway: a merchandiser sets a SKU's flags, and the Inventory service's scheduled push (every
/// 2 s in these tests) delivers them, signed, to the test storefront's real HTTP listener (<see cref="TestStorefront"/>).
/// </summary>
[Collection(PlatformCollection.Name)]
public class StorefrontPushTests(PlatformFixture platform)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly OrderApi orders = new(platform);
    private readonly HttpClient merchandiser = platform.As(Principal.Merchandiser);
    private readonly HttpClient operatorConsole = platform.As(Principal.Operator);
    private readonly HttpClient storefront = platform.As(Principal.Storefront);

    [Fact]
    public async Task INV2_forced_sold_out_reaches_the_storefronts_webhook_at_the_next_scheduled_push_signed()
    {
        var sku = await orders.NewProductAsync(9.00m, "HOUSTON", onHand: 12);

        using (var set = await merchandiser.PutAsJsonAsync($"/api/inventory/products/{sku}/status", new { forcedSoldOut = true }))
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);

        var webhook = await AcknowledgedWebhookAsync(sku);
        new StandardWebhook(platform.Storefront.Secret).Verify(webhook.Body, Headers(webhook)); // throws unless signed with the storefront's secret
        var body = JsonDocument.Parse(webhook.Body).RootElement;
        Assert.Equal("inventory.sku_status.changed", body.GetProperty("type").GetString());
        Assert.Equal(TestStorefront.Id, body.GetProperty("storefrontId").GetString());
        var item = ItemOf(body, sku);
        Assert.True(item.GetProperty("status").GetProperty("forcedSoldOut").GetBoolean());
        Assert.Equal(0, item.GetProperty("onlineAvailable").GetInt32()); // 12 on hand, none online
        Assert.True(body.GetProperty("next").GetInt64() >= item.GetProperty("cursor").GetInt64());

        var delivery = await DeliveryAsync(merchandiser, webhook.WebhookId);
        Assert.Equal("Delivered", delivery.GetProperty("status").GetString());
        Assert.Equal(200, delivery.GetProperty("attempts").EnumerateArray().Last().GetProperty("httpStatus").GetInt32());
    }

    [Fact]
    public async Task INV2_a_storefront_answering_500_is_tried_again_with_the_same_webhook_id_and_the_log_shows_both_attempts()
    {
        var sku = await orders.NewProductAsync(9.00m, "HOUSTON", onHand: 12);
        platform.Storefront.FailOnceWhenBodyContains($"\"sku\":\"{sku}\"");

        using (var set = await merchandiser.PutAsJsonAsync($"/api/inventory/products/{sku}/status", new { limitedStock = true, limitedStockQuantity = 3 }))
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);

        var acknowledged = await AcknowledgedWebhookAsync(sku);
        Assert.Equal(3, ItemOf(JsonDocument.Parse(acknowledged.Body).RootElement, sku).GetProperty("onlineAvailable").GetInt32());
        var refused = Assert.Single(platform.Storefront.Received, w => w.Answered == 500 && w.Body.Contains($"\"sku\":\"{sku}\""));
        Assert.Equal(refused.WebhookId, acknowledged.WebhookId);
        Assert.Equal(refused.Body, acknowledged.Body);

        var attempts = (await DeliveryAsync(operatorConsole, acknowledged.WebhookId)).GetProperty("attempts").EnumerateArray().ToList();
        Assert.Equal([500, 200], attempts.Select(a => a.GetProperty("httpStatus").GetInt32()));
        Assert.Equal([1, 2], attempts.Select(a => a.GetProperty("number").GetInt32()));
        Assert.Contains("500", attempts[0].GetProperty("error").GetString());
        Assert.Equal(JsonValueKind.Null, attempts[1].GetProperty("error").ValueKind);
        Assert.True(attempts[1].GetProperty("at").GetDateTimeOffset() > attempts[0].GetProperty("at").GetDateTimeOffset());
        Assert.All(attempts, a => Assert.True(a.GetProperty("latencyMs").GetDouble() >= 0));
    }

    [Fact]
    public async Task INV2_the_push_routes_are_a_merchandisers_or_an_operators_and_bad_queries_are_refused_with_a_code()
    {
        await Problems.AssertAsync(await storefront.GetAsync("/api/inventory/storefront-push/deliveries"), HttpStatusCode.Forbidden, "auth.forbidden");
        await Problems.AssertAsync(await storefront.PostAsync("/api/inventory/storefront-push/run", null), HttpStatusCode.Forbidden, "auth.forbidden");
        await Problems.AssertAsync(await merchandiser.GetAsync("/api/inventory/storefront-push/deliveries?limit=0"), HttpStatusCode.BadRequest,
            "push.limit_invalid");
        using var now = await operatorConsole.PostAsync("/api/inventory/storefront-push/run", null);
        Assert.Equal(HttpStatusCode.Accepted, now.StatusCode);
        var command = await platform.Platform.ExecuteCommandAsync("inventory", "storefront-push"); // the dashboard's push now
        Assert.True(command.Success, command.Message);
    }

    /// <summary>The webhook the test storefront acknowledged (answered 200) that carries the SKU's change.</summary>
    private Task<ReceivedStorefrontWebhook> AcknowledgedWebhookAsync(string sku) =>
        Poll.UntilAsync(() => Task.FromResult(platform.Storefront.Received.FirstOrDefault(w => w.Answered == 200 && w.Body.Contains($"\"sku\":\"{sku}\""))),
            Deadline, $"the test storefront to receive {sku}'s status");

    private static JsonElement ItemOf(JsonElement body, string sku) =>
        body.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("sku").GetString() == sku);

    /// <summary>The delivery log's entry for a webhook: the log is written as the storefront's answer comes back, so it may trail the listener by a moment.</summary>
    private static async Task<JsonElement> DeliveryAsync(HttpClient reader, string webhookId) =>
        await Poll.UntilValueAsync<JsonElement>(async () =>
            (await reader.GetFromJsonElementAsync($"/api/inventory/storefront-push/deliveries?storefront={TestStorefront.Id}&limit=500"))
            .EnumerateArray().Where(d => d.GetProperty("id").GetString() == webhookId && d.GetProperty("status").GetString() != "Pending")
            .Select(d => (JsonElement?)d).FirstOrDefault(), Deadline, $"delivery {webhookId} in the log");

    private static HeaderDictionary Headers(ReceivedStorefrontWebhook webhook) => new()
    {
        ["webhook-id"] = new StringValues(webhook.WebhookId),
        ["webhook-timestamp"] = new StringValues(webhook.Timestamp),
        ["webhook-signature"] = new StringValues(webhook.Signature),
    };
}
