using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OmniChannel.IntegrationTests.Infrastructure;
using StandardWebhooks;

namespace OmniChannel.IntegrationTests.Storefronts;

/// <summary>The sample storefront "web" as a test drives it: signed order webhooks through the gateway, and the e-commerce screen's reads.</summary>
public sealed class StorefrontOrders(PlatformFixture platform)
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private static readonly StandardWebhook Signer = new(DevelopmentSecret());

    /// <summary>A storefront order payload (docs/storefront-webhooks.md) picked up at HOUSTON, paid by a card hold.</summary>
    public static string OrderCreated(string number, string email, string? storefrontCustomerId, params object[] lines) =>
        OrderPlaced(DateTimeOffset.UtcNow, number, email, storefrontCustomerId, lines);

    public static string OrderPlaced(DateTimeOffset placedAt, string number, string email, string? storefrontCustomerId, params object[] lines) =>
        OrderFrom(placedAt, number, Customer(email, storefrontCustomerId), lines);

    /// <summary>The storefront's customer as its checkout took them.</summary>
    public static object Customer(string email, string? storefrontCustomerId, string name = "Web Customer", string phone = "+1 713 555 0100",
        bool acceptsMarketing = true, string street = "77 Webster St")
    {
        var shippingAddress = new { line1 = street, city = "Houston", region = "TX", postalCode = "77002", country = "US" };
        return new { id = storefrontCustomerId, email, name, phone, acceptsMarketing, shippingAddress };
    }

    public static string OrderFrom(DateTimeOffset placedAt, string number, object customer, params object[] lines) =>
        OrderPaidWith(new { cardTypeId = "VISA", cardToken = "tok_visa_ok" }, placedAt, number, customer, lines);

    /// <summary>PUP-9: a reservation picked up at HOUSTON: reserved online, paid in store (<c>"payment": {"kind": "reserve"}</c>).</summary>
    public static string Reservation(string number, string email, params object[] lines) =>
        OrderPaidWith(new { kind = "reserve" }, DateTimeOffset.UtcNow, number, Customer(email, null), lines);

    private static string OrderPaidWith(object payment, DateTimeOffset placedAt, string number, object customer, object[] lines)
    {
        var order = new { number, placedAt, pickupStoreId = "HOUSTON", currency = "USD", customer, lines, payment };
        return JsonSerializer.Serialize(new { type = "order.created", order });
    }

    public static object Line(string? upc, string? partNumber, int quantity, decimal unitPrice) =>
        new { upc, partNumber, description = "Storefront product", quantity, unitPrice };

    public static string NewNumber() => $"WEB-{Guid.NewGuid():N}"[..20];

    public static string IdOf(string number) => $"ECM-web-{number}";

    public async Task<HttpResponseMessage> PostAsync(string payload, string? webhookId = null, DateTimeOffset? at = null)
    {
        return await platform.Gateway.PostAsync("/api/storefronts/web/webhooks", Signed(payload, webhookId, at));
    }

    /// <summary>A webhook body signed as the sample storefront "web" signs it (Standard Webhooks headers).</summary>
    public static StringContent Signed(string payload, string? webhookId = null, DateTimeOffset? at = null)
    {
        var id = webhookId ?? $"wh_{Guid.NewGuid():N}";
        var when = at ?? DateTimeOffset.UtcNow;
        var content = new StringContent(payload, Encoding.UTF8, "application/json");
        content.Headers.Add("webhook-id", id);
        content.Headers.Add("webhook-timestamp", when.ToUnixTimeSeconds().ToString());
        content.Headers.Add("webhook-signature", Signer.Sign(id, when, payload));
        return content;
    }

    public async Task AcknowledgedAsync(string payload, string? webhookId = null, DateTimeOffset? at = null)
    {
        using var response = await PostAsync(payload, webhookId, at);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The e-commerce order once it has the status (processing is asynchronous).</summary>
    public Task<JsonElement> UntilStatusAsync(string id, string status, Principal? who = null) =>
        Poll.UntilValueAsync<JsonElement>(async () =>
        {
            using var response = await platform.As(who ?? Principal.HoustonManager).GetAsync($"/api/orders/ecommerce/{id}");
            if (response.StatusCode == HttpStatusCode.NotFound)
                return null;
            var order = await response.ReadJsonAsync();
            return order.GetProperty("status").GetString() == status ? order : null;
        }, Deadline, $"e-commerce order {id} to be {status}");

    public Task<JsonElement> CustomerOrderAsync(string confirmationNumber, string status) =>
        Poll.UntilValueAsync<JsonElement>(async () =>
        {
            using var response = await platform.As(Principal.Operator).GetAsync($"/api/orders/{confirmationNumber}");
            if (!response.IsSuccessStatusCode)
                return null;
            var order = await response.ReadJsonAsync();
            return order.GetProperty("status").GetString() == status ? order : null;
        }, Deadline, $"order {confirmationNumber} to be {status}");

    public async Task<JsonElement> ActAsync(string id, string action, object body, Principal? who = null)
    {
        using var response = await platform.As(who ?? Principal.HoustonManager).PostAsJsonAsync($"/api/orders/ecommerce/{id}/{action}", body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    /// <summary>The sample storefront's development secret, as the Order service reads it (and signs what it sends "web" with).</summary>
    public static string DevelopmentSecret() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "services", "Order", "appsettings.Development.json")))
            .RootElement.GetProperty("Storefronts").GetProperty("web").GetProperty("WebhookSecret").GetString()!;
}
