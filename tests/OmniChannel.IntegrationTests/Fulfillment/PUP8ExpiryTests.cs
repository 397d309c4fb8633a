using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OmniChannel.IntegrationTests.Infrastructure;
using static OmniChannel.IntegrationTests.Fulfillment.FulfillmentApi;
using static OmniChannel.IntegrationTests.Orders.OrderApi;
using static OmniChannel.IntegrationTests.Payments.PaymentApi;

namespace OmniChannel.IntegrationTests.Fulfillment;

/// <summary>
/// PUP-8 / INV-7 at SEATTLE: a received pickup past its deadline is reported once on the day's expiry list (a PDF on the
/// store's print queue), released from the hanger, its stock sellable again, and its order cancelled with the refund the
/// order's rules give (the deposit minus the parameters' 10 % charge refunded, the authorization voided). The day after the
/// pickup date is run as an operator names it (the counter asks for its own today, which the test cannot move).
/// </summary>
[Collection(PlatformCollection.Name)]
public class PUP8ExpiryTests(PlatformFixture platform)
{
    private readonly FulfillmentApi api = new(platform);

    private HttpClient Seattle => platform.As(Principal.SeattleCashier);

    private HttpClient Operator => platform.As(Principal.Operator);

    [Fact]
    public async Task PUP8_a_pickup_past_its_deadline_is_reported_once_released_its_stock_sellable_and_its_order_cancelled()
    {
        var sku = await api.Orders.NewProductAsync(50.00m, "SEATTLE", onHand: 3);
        var order = await api.ConfirmedAsync(Store("tok_visa_ok", null, PickupLine(sku, 2, "SEATTLE")));
        var pickup = await api.PickupAsync(order, "SEATTLE");
        var received = await api.ReceivedAsync(pickup);
        Assert.True(received.GetProperty("onHanger").GetBoolean());
        var day = DateOnly.Parse(pickup.GetProperty("pickupDate").GetString()!, CultureInfo.InvariantCulture).AddDays(1);
        var path = $"/api/pickups/stores/SEATTLE/expiry-report/{day:yyyy-MM-dd}";

        // The counter's own ask is for its today, where the pickup is not past its deadline; a day is named by an operator only.
        Assert.DoesNotContain(Receipts(await Ok(Seattle.PostAsync("/api/pickups/stores/SEATTLE/expiry-report", null))), r => r == Number(order));
        await Problems.AssertAsync(await Seattle.PostAsync(path, null), HttpStatusCode.Forbidden, "auth.forbidden");
        await Problems.AssertAsync(await platform.As(Principal.HoustonCashier).PostAsync("/api/pickups/stores/SEATTLE/expiry-report", null),
            HttpStatusCode.Forbidden, "auth.other_store");
        await Problems.AssertAsync(await Operator.PostAsync("/api/pickups/stores/SEATTLE/expiry-report/tomorrow", null), HttpStatusCode.BadRequest,
            "expiry.day_invalid");

        var first = await Ok(Operator.PostAsync(path, null));
        Assert.Contains(Number(order), Receipts(first));
        var again = await Ok(Operator.PostAsync(path, null));
        Assert.Equal(first.ToString(), again.ToString()); // reported once: the same list, the same print job

        var jobId = first.GetProperty("printJobId").GetString()!;
        var jobs = (await Seattle.GetFromJsonElementAsync("/api/pickups/stores/SEATTLE/print-jobs")).EnumerateArray()
            .Where(j => j.GetProperty("kind").GetString() == "ExpiryList" && j.GetProperty("receiptNumber").GetString() == $"EXPIRY-{day:yyyyMMdd}")
            .ToList();
        Assert.Equal(jobId, Assert.Single(jobs).GetProperty("id").GetString());
        var text = await PdfPages.TextAsync(await Seattle.GetByteArrayAsync($"/api/pickups/print-jobs/{jobId}/document"));
        foreach (var expected in new[] { "Expiry list", "Seattle store", $"Day: {day:yyyy-MM-dd}", $"Receipt: {Number(order)}", "Customer: 2001" })
            Assert.Contains(expected, text);
        Assert.Matches(PUP2CancellationTests.ItemLine(2, sku), text);

        var expired = await api.PickupByIdAsync(pickup);
        Assert.Equal(("Expired", false, day.ToString("yyyy-MM-dd")), (expired.GetProperty("status").GetString(),
            expired.GetProperty("onHanger").GetBoolean(), expired.GetProperty("expiryReportedOn").GetString()));
        var history = (await Seattle.GetFromJsonElementAsync($"/api/pickups/{pickup.GetProperty("id").GetGuid()}/history")).EnumerateArray()
            .Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Equal((1, 1), (history.Count(t => t == "expiry_reported"), history.Count(t => t == "pickup_expired")));

        order = await api.StatusAsync(order, "Cancelled");
        var cancellation = order.GetProperty("cancellation");
        Assert.Equal((10.00m, 10.00m), (cancellation.GetProperty("refunded").GetDecimal(), cancellation.GetProperty("retained").GetDecimal()));
        var ledger = await api.Payments.LedgerAsync(OrderId(order));
        Assert.Equal((80.00m, 10.00m, 0m), (Total(ledger, "voided"), Total(ledger, "refunded"), Total(ledger, "openAuthorizations")));
        await api.StockAsync("SEATTLE", sku, (3, 0));
    }

    private static IReadOnlyList<string?> Receipts(JsonElement list) =>
        list.GetProperty("receipts").EnumerateArray().Select(r => r.GetProperty("receiptNumber").GetString()).ToList();

    private static async Task<JsonElement> Ok(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }
}
