using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OmniChannel.IntegrationTests.Infrastructure;
using OmniChannel.IntegrationTests.Orders;

namespace OmniChannel.IntegrationTests.Inventory;

/// <summary>
/// INV-4 through the gateway: an operator's allocation run over the test's own orders (their ship lines reserve at the
/// store's shipping warehouse, CENTRAL-DC). A write-off below what the orders reserve makes the shelf short.
/// </summary>
[Collection(PlatformCollection.Name)]
public class AllocationRunTests(PlatformFixture platform)
{
    private const string Dc = "CENTRAL-DC";
    private readonly OrderApi orders = new(platform);
    private readonly HttpClient operatorClient = platform.As(Principal.Operator);

    private async Task<(string ConfirmationNumber, Guid OrderId)> ShipOrderAsync(params object[] lines)
    {
        var order = await orders.EndStateAsync(await orders.PlaceAsync(OrderApi.Order("2001", "tok_visa_ok", lines)));
        Assert.Equal("Confirmed", order.GetProperty("status").GetString());
        return (order.GetProperty("confirmationNumber").GetString()!, order.GetProperty("orderId").GetGuid());
    }

    private async Task WriteOffAsync(string sku, int quantity)
    {
        using var response = await platform.As(Principal.Merchandiser).PostAsJsonAsync($"/api/inventory/locations/{Dc}/stock/{sku}/write-offs",
            new { quantity, reason = "water damage" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<JsonElement> RunAsync(string runId, string option, params Guid[] orderIds)
    {
        using var response = await operatorClient.PostAsJsonAsync("/api/inventory/allocation-runs", new { runId, option, orderIds });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    private static JsonElement ReportOf(JsonElement run, Guid orderId) =>
        run.GetProperty("orders").EnumerateArray().Single(o => o.GetProperty("orderId").GetGuid() == orderId);

    private static string OutcomeOf(JsonElement run, Guid orderId) => ReportOf(run, orderId).GetProperty("outcome").GetString()!;

    private static string NewRunId() => $"run-{Guid.NewGuid():N}";

    private async Task<int> AllocatedAsync(string sku) =>
        (await platform.As(Principal.Operator).GetFromJsonElementAsync($"/api/inventory/products/{sku}/integrated-stock"))
        .GetProperty("total").GetProperty("allocated").GetInt32();

    [Fact]
    public async Task INV4_complete_leaves_an_order_with_an_unavailable_line_unallocated_partial_allocates_its_available_lines_and_the_order_learns_them()
    {
        var (boots, socks) = (await orders.NewProductAsync(20.00m, Dc, onHand: 2), await orders.NewProductAsync(5.00m, Dc, onHand: 1));
        var (confirmation, orderId) = await ShipOrderAsync(OrderApi.ShipLine(boots, 1), OrderApi.ShipLine(socks, 1));
        await WriteOffAsync(socks, 1); // the socks the order reserved are gone from the shelf

        var complete = await RunAsync(NewRunId(), "complete", orderId);
        Assert.Equal("NotAllocated", OutcomeOf(complete, orderId));
        Assert.Equal(0, await AllocatedAsync(boots));

        var runId = NewRunId();
        var partial = await RunAsync(runId, "partial", orderId);
        var report = ReportOf(partial, orderId);
        Assert.Equal("PartiallyAllocated", report.GetProperty("outcome").GetString());
        Assert.Equal([(boots, true, Dc), (socks, false, Dc)], report.GetProperty("lines").EnumerateArray()
            .Select(l => (l.GetProperty("sku").GetString(), l.GetProperty("allocated").GetBoolean(), l.GetProperty("locationId").GetString())).ToList());
        Assert.Equal(1, await AllocatedAsync(boots));

        // The Order service learns which lines were allocated.
        var order = await Poll.UntilValueAsync<JsonElement>(async () =>
        {
            var o = await orders.GetAsync(confirmation);
            return o.TryGetProperty("allocated", out var a) && a.GetArrayLength() > 0 ? o : null;
        }, TimeSpan.FromSeconds(30), $"order {confirmation} to show its allocated lines");
        var allocated = order.GetProperty("allocated").EnumerateArray().Single();
        Assert.Equal((1, 1, Dc, runId), (allocated.GetProperty("lineId").GetInt32(), allocated.GetProperty("quantity").GetInt32(),
            allocated.GetProperty("locationId").GetString(), allocated.GetProperty("runId").GetString()));

        // The same run again answers its first report and allocates nothing; its id with another option is a conflict.
        var again = await RunAsync(runId, "partial", orderId);
        Assert.Equal(partial.GetProperty("at").GetDateTimeOffset(), again.GetProperty("at").GetDateTimeOffset());
        Assert.Equal(1, await AllocatedAsync(boots));
        await Problems.AssertAsync(await operatorClient.PostAsJsonAsync("/api/inventory/allocation-runs", new { runId, option = "complete", orderIds = new[] { orderId } }),
            HttpStatusCode.Conflict, "allocation.run_id_reused");
    }

    [Fact]
    public async Task INV4_a_priority_order_goes_first_and_a_held_order_is_skipped()
    {
        var sku = await orders.NewProductAsync(9.00m, Dc, onHand: 5);
        var (_, first) = await ShipOrderAsync(OrderApi.ShipLine(sku, 2));
        var (_, priority) = await ShipOrderAsync(OrderApi.ShipLine(sku, 2));
        var (_, held) = await ShipOrderAsync(OrderApi.ShipLine(sku, 1));
        foreach (var (id, flags) in new[] { (priority, new { hold = false, priority = true }), (held, new { hold = true, priority = true }) })
            using (var set = await operatorClient.PutAsJsonAsync($"/api/inventory/orders/{id}/fulfillment/flags", flags))
                Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        await WriteOffAsync(sku, 2); // 3 left: the held order keeps its unit, two are left for two orders of two

        var run = await RunAsync(NewRunId(), "complete", first, priority, held);

        Assert.Equal(("Allocated", "NotAllocated", "SkippedHeld"), (OutcomeOf(run, priority), OutcomeOf(run, first), OutcomeOf(run, held)));
        Assert.Equal(2, await AllocatedAsync(sku));
    }

    [Fact]
    public async Task INV4_two_runs_at_once_never_allocate_the_same_unit_twice()
    {
        var sku = await orders.NewProductAsync(3.00m, Dc, onHand: 6);
        var ids = new List<Guid>();
        for (var i = 0; i < 6; i++)
            ids.Add((await ShipOrderAsync(OrderApi.ShipLine(sku, 1))).OrderId);
        await WriteOffAsync(sku, 3); // three units for six orders

        var runs = await Task.WhenAll(RunAsync(NewRunId(), "complete", [.. ids]), RunAsync(NewRunId(), "partial", [.. ids]));

        var allocatedLines = runs.SelectMany(r => r.GetProperty("orders").EnumerateArray())
            .Where(o => o.GetProperty("outcome").GetString() == "Allocated").Select(o => o.GetProperty("orderId").GetGuid()).ToList();
        Assert.Equal(3, allocatedLines.Count);
        Assert.Equal(3, allocatedLines.Distinct().Count()); // no order allocated by both runs
        Assert.Equal(3, await AllocatedAsync(sku));
    }

    [Fact]
    public async Task INV4_a_run_is_an_operators_and_hostile_input_is_refused_with_a_code()
    {
        const string path = "/api/inventory/allocation-runs";
        await Problems.AssertAsync(await platform.As(Principal.HoustonCashier).PostAsJsonAsync(path, new { runId = NewRunId(), option = "complete" }),
            HttpStatusCode.Forbidden, "auth.forbidden");
        await Problems.AssertAsync(await operatorClient.PostAsJsonAsync(path, new { runId = "no spaces", option = "complete" }),
            HttpStatusCode.BadRequest, "allocation.run_id_invalid");
        await Problems.AssertAsync(await operatorClient.PostAsJsonAsync(path, new { runId = NewRunId(), option = "1" }),
            HttpStatusCode.BadRequest, "allocation.option_invalid");
        await Problems.AssertAsync(await operatorClient.GetAsync($"{path}/no-such-run"), HttpStatusCode.NotFound, "allocation.run_not_found");
    }
}
