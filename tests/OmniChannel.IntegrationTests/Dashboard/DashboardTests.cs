using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Playwright;
using OmniChannel.IntegrationTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OmniChannel.IntegrationTests.Dashboard;

/// <summary>
/// The dashboard is the operators' console: every resource shows Running, and an order posted through the gateway is
/// one trace across the services it passes, read back from the dashboard's own telemetry API and shown on its trace page.
/// </summary>
[Collection(DashboardCollection.Name)]
public class DashboardTests(DashboardRun run)
{
    private static readonly string[] Resources =
    [
        "postgres", "rabbitmq", "gateway", "inventory", "order", "order-worker", "payment", "pickup", "pricing", "processor-emulator", "identity",
    ];

    [Fact]
    public async Task The_resources_page_shows_every_resource_Running()
    {
        var page = await run.OpenAsync("/");
        foreach (var resource in Resources)
        {
            var row = page.Locator("tr.resource-row").Filter(new() { Has = page.GetByText(resource, new() { Exact = true }) });
            await Expect(row.Locator("td[col-index='2']")).ToHaveAttributeAsync("title", "Running", new() { Timeout = 30_000 });
        }
        await Expect(page.GetByText($"Showing {Resources.Length} resources")).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "dashboard-resources.png");
    }

    [Fact]
    public async Task An_order_posted_with_the_README_curl_is_one_trace_across_gateway_order_worker_pricing_and_payment()
    {
        var traceId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        using var gateway = run.AppHost.Client(Principal.HoustonCashier);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = JsonContent.Create(ReadmeOrder()) };
        request.Headers.Add("Idempotency-Key", $"HOU-T1-{traceId[..8]}");
        request.Headers.Add("traceparent", $"00-{traceId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}-01");
        using (var accepted = await gateway.SendAsync(request))
            Assert.Equal(202, (int)accepted.StatusCode);

        string[] passes = ["gateway", "order", "inventory", "order-worker", "pricing", "payment"];
        using var telemetry = new HttpClient { BaseAddress = run.AppHost.Dashboard };
        var services = await Poll.UntilAsync(async () =>
        {
            var spans = await telemetry.GetFromJsonAsync<JsonElement>($"/api/telemetry/spans?traceId={traceId}");
            var seen = spans.GetProperty("data").GetProperty("resourceSpans").EnumerateArray()
                .Select(r => r.GetProperty("resource").GetProperty("attributes").EnumerateArray()
                    .Single(a => a.GetProperty("key").GetString() == "service.name").GetProperty("value").GetProperty("stringValue").GetString()!)
                .ToHashSet();
            return passes.All(seen.Contains) ? seen : null;
        }, TimeSpan.FromSeconds(60), $"trace {traceId} to reach {string.Join(", ", passes)}");
        Assert.Superset(passes.ToHashSet(), services);

        var page = await run.OpenAsync($"/traces/detail/{traceId}");
        foreach (var service in passes)
            await Expect(page.GetByText(service, new() { Exact = true }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Browser.ScreenshotAsync(page, "dashboard-order-trace.png");
    }

    [Fact]
    public async Task The_metrics_page_shows_the_platforms_own_meters_for_orders()
    {
        using var gateway = run.AppHost.Client(Principal.HoustonCashier);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = JsonContent.Create(ReadmeOrder()) };
        request.Headers.Add("Idempotency-Key", $"HOU-T1-{Guid.NewGuid():N}"[..20]);
        using (var accepted = await gateway.SendAsync(request))
            Assert.Equal(202, (int)accepted.StatusCode);

        foreach (var (resource, instrument) in new[] { ("order", "omnichannel.order.accepted"), ("order-worker", "omnichannel.order.confirmed") })
        {
            var page = await run.OpenAsync($"/metrics/resource/{resource}?meter=OmniChannel&instrument={instrument}");
            await Expect(page.GetByText(instrument).First).ToBeVisibleAsync(new() { Timeout = 60_000 });
            if (resource == "order-worker")
                await Browser.ScreenshotAsync(page, "dashboard-order-metrics.png");
        }
    }

    [Fact]
    public async Task ECM1_the_count_of_e_commerce_orders_that_need_action_is_a_metric_of_the_order_worker()
    {
        // An order from an e-mail nobody has: Customer ID Required, one more order that needs someone's action.
        using var gateway = run.AppHost.Client(Principal.HoustonManager);
        var number = Storefronts.StorefrontOrders.NewNumber();
        var payload = Storefronts.StorefrontOrders.OrderCreated(number, $"gauge.{Guid.NewGuid():N}@example.com", null,
            Storefronts.StorefrontOrders.Line("012345678943", null, 1, 24.50m));
        using (var acknowledged = await gateway.PostAsync("/api/storefronts/web/webhooks", Storefronts.StorefrontOrders.Signed(payload)))
            Assert.Equal(202, (int)acknowledged.StatusCode);
        var needAction = await Poll.UntilValueAsync<JsonElement>(async () =>
        {
            var queue = await gateway.GetFromJsonAsync<JsonElement>("/api/orders/ecommerce");
            return queue.GetProperty("orders").EnumerateArray().Any(o => o.GetProperty("orderNumber").GetString() == number
                && o.GetProperty("status").GetString() == "CustomerIdRequired") ? queue.GetProperty("needAction") : (JsonElement?)null;
        }, TimeSpan.FromSeconds(60), $"e-commerce order {number} to need a customer");
        Assert.True(needAction.GetInt32() >= 1);

        const string instrument = "omnichannel.ecommerce.order.need_action";
        var page = await run.OpenAsync($"/metrics/resource/order-worker?meter=OmniChannel&instrument={instrument}");
        await Expect(page.GetByText(instrument).First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        // The table view lists the gauge's values as the worker exported them: the count the queue read shows up there.
        await page.GetByText("Table", new() { Exact = true }).First.ClickAsync();
        await Expect(page.Locator("fluent-data-grid-cell, td").GetByText(needAction.GetInt32().ToString(), new() { Exact = true }).First)
            .ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Browser.ScreenshotAsync(page, "dashboard-ecommerce-need-action.png");
    }

    [Fact]
    public async Task ORD9_an_operator_runs_the_real_time_drill_from_the_dashboard_and_the_sync_job_creates_what_waits()
    {
        var page = await run.OpenAsync("/");
        await RunDrillAsync(page, "Fails on purpose (drill on)");
        await ExpectNotificationAsync(page, "Drill on: real-time order creation fails; the order-sync job creates the orders.");
        await Browser.ScreenshotAsync(page, "dashboard-drill-command.png");
        await page.ReloadAsync(); // the notification panel closed

        using var gateway = run.AppHost.Client(Principal.HoustonCashier);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = JsonContent.Create(ReadmeOrder()) };
        request.Headers.Add("Idempotency-Key", $"HOU-T1-{Guid.NewGuid():N}"[..20]);
        using var accepted = await gateway.SendAsync(request);
        var number = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("confirmationNumber").GetString();
        // The real-time path would have created it by now; with the drill on, it waits for the sync job's next run.
        Assert.Equal("Pending", (await gateway.GetFromJsonAsync<JsonElement>($"/api/orders/{number}")).GetProperty("status").GetString());

        await RunDrillAsync(page, "Works (drill off)");
        await ExpectNotificationAsync(page, "Drill off: orders are created in real time again.");
        await Poll.UntilAsync(async () =>
                (await gateway.GetFromJsonAsync<JsonElement>($"/api/orders/{number}")).GetProperty("status").GetString() == "Confirmed",
            TimeSpan.FromSeconds(60), $"the order-sync job to create and confirm {number}");
    }

    /// <summary>The order resource's ⋯ menu, "Real-time failure drill", the prompt's choice, and the dialog's button.</summary>
    private static async Task RunDrillAsync(IPage page, string choice)
    {
        var row = page.Locator("tr.resource-row").Filter(new() { Has = page.GetByText("order", new() { Exact = true }) });
        await row.GetByRole(AriaRole.Button, new() { Name = "Actions" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Real-time failure drill" }).ClickAsync();
        var dialog = page.Locator("fluent-dialog").Filter(new() { HasText = "Real-time order creation" });
        await dialog.GetByRole(AriaRole.Combobox).ClickAsync();
        await dialog.Locator("fluent-option", new() { HasText = choice }).ClickAsync();
        await dialog.Locator("footer fluent-button", new() { HasText = "Real-time failure drill" }).ClickAsync();
    }

    /// <summary>A command's result message is in the dashboard's notification center (the bell), newest first.</summary>
    private static async Task ExpectNotificationAsync(IPage page, string message)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Notifications" }).ClickAsync();
        await Expect(page.GetByText(message).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
    }

    /// <summary>The README's order: a HOUSTON terminal, a pickup at SEATTLE, a shipped line and a carry-out.</summary>
    private static object ReadmeOrder() => new
    {
        storeId = "HOUSTON", terminalId = "T1", customerId = "2001",
        lines = new object[]
        {
            new { sku = "82001", quantity = 1, fulfillment = new { type = "pickup", storeId = "SEATTLE" } },
            new
            {
                sku = "83010", quantity = 2,
                fulfillment = new
                {
                    type = "ship", modeOfDelivery = "STANDARD",
                    address = new { line1 = "18 Westheimer Rd", city = "Houston", region = "TX", postalCode = "77006", country = "US" },
                },
            },
            new { sku = "86002", quantity = 1, fulfillment = new { type = "carryOut" } },
        },
        deposit = new { tenderTypeId = "CARD", cardTypeId = "VISA", cardToken = "tok_visa_4242" },
    };
}
