using System.Net;
using System.Text.Json;
using OmniChannel.IntegrationTests.Infrastructure;
using static OmniChannel.IntegrationTests.Fulfillment.FulfillmentApi;
using static OmniChannel.IntegrationTests.Orders.OrderApi;

namespace OmniChannel.IntegrationTests.Fulfillment;

/// <summary>
/// PUP-7 at SEATTLE's counter, through the gateway as its cashier: the history of pickup requests filtered by status, the
/// days they reached the store (its own calendar), customer and receipt; any receipt reprinted; another store's cashier
/// sees none of it; a filter that means nothing is refused with its code.
/// </summary>
[Collection(PlatformCollection.Name)]
public class PUP7HistoryTests(PlatformFixture platform)
{
    private readonly FulfillmentApi api = new(platform);

    private HttpClient Seattle => platform.As(Principal.SeattleCashier);

    [Fact]
    public async Task PUP7_the_counter_finds_requests_by_status_day_customer_and_receipt_and_reprints_any_receipt()
    {
        var sku = await api.Orders.NewProductAsync(20.00m, "SEATTLE", onHand: 3);
        var received = await api.ConfirmedAsync(Store("tok_visa_ok", null, PickupLine(sku, 1, "SEATTLE")));
        var cancelled = await api.ConfirmedAsync(new
        {
            storeId = "HOUSTON", terminalId = "T1", customerId = "3001", lines = new[] { PickupLine(sku, 1, "SEATTLE") },
            deposit = new { tenderTypeId = "CARD", cardTypeId = "VISA", cardToken = "tok_visa_ok" },
        });
        var receivedPickup = await api.ReceivedAsync(await api.PickupAsync(received, "SEATTLE"));
        var cancelledPickup = await api.PickupAsync(cancelled, "SEATTLE");
        using (var cancelling = await api.CancelAsync(cancelled))
            Assert.True(cancelling.IsSuccessStatusCode, await cancelling.Content.ReadAsStringAsync());
        await Poll.UntilAsync(async () => (await api.PickupByIdAsync(cancelledPickup)).GetProperty("status").GetString() == "Cancelled",
            TimeSpan.FromSeconds(60), "the cancelled order's pickup to be cancelled");

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow,
            TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles")).DateTime).ToString("yyyy-MM-dd");
        var tomorrow = DateOnly.Parse(today).AddDays(1).ToString("yyyy-MM-dd");
        var mine = new[] { Number(received), Number(cancelled) };

        Assert.Equal([Number(received)], await Numbers($"receipt={Number(received).ToLowerInvariant()}"));
        Assert.Equal([Number(received)], await Numbers($"status=Received&receipt={Number(received)}"));
        Assert.Empty(await Numbers($"status=Cancelled,Completed,Expired,NotPossible&receipt={Number(received)}"));
        Assert.Equal([Number(cancelled)], (await Numbers("status=cancelled&customerId=3001&sort=-requested")).Intersect(mine));
        // Newest first, so the test's own requests are never behind the limit the earlier tests' requests of the day fill. (Which
        // of the two reached the store first is the message broker's business: the set is what is asserted.)
        var newestFirst = await Numbers($"status=received,cancelled&from={today}&to={today}&sort=-requested");
        Assert.Equal(mine.Order(), newestFirst.Intersect(mine).Order());
        var requestedAt = (await Seattle.GetFromJsonElementAsync($"/api/pickups/stores/SEATTLE/requests?from={today}&sort=-requested&limit=20"))
            .EnumerateArray().Select(r => r.GetProperty("requestedAt").GetDateTimeOffset()).ToList();
        Assert.Equal(requestedAt.OrderDescending(), requestedAt);
        Assert.Equal([Number(received)], (await Numbers($"customerId=2001&from={today}&sort=-requested")).Intersect(mine));
        Assert.Empty((await Numbers($"from={tomorrow}&sort=-requested")).Intersect(mine));
        Assert.Single(await Numbers("limit=1"));

        await Problems.AssertAsync(await Seattle.GetAsync("/api/pickups/stores/SEATTLE/requests?status=lost"), HttpStatusCode.BadRequest,
            "pickup_search.status_unknown");
        await Problems.AssertAsync(await Seattle.GetAsync($"/api/pickups/stores/SEATTLE/requests?from={tomorrow}&to={today}"),
            HttpStatusCode.BadRequest, "pickup_search.range_invalid");
        await Problems.AssertAsync(await platform.As(Principal.HoustonCashier).GetAsync($"/api/pickups/stores/SEATTLE/requests?receipt={Number(received)}"),
            HttpStatusCode.Forbidden, "auth.other_store");

        // Any receipt of the history prints again, the cancelled one's too (its slip says it is void; the reprint is the receipt).
        foreach (var pickup in new[] { receivedPickup, cancelledPickup })
        {
            using var reprint = await Seattle.PostAsync($"/api/pickups/{pickup.GetProperty("id").GetGuid()}/reprint", null);
            var body = await reprint.Content.ReadAsStringAsync();
            Assert.True(reprint.StatusCode == HttpStatusCode.OK, body);
            var job = JsonDocument.Parse(body).RootElement;
            Assert.Equal(Number(pickup), await PdfPages.BarcodeAsync(
                await Seattle.GetByteArrayAsync($"/api/pickups/print-jobs/{job.GetProperty("id").GetString()}/document")));
        }
    }

    private async Task<IReadOnlyList<string>> Numbers(string query) =>
        (await Seattle.GetFromJsonElementAsync($"/api/pickups/stores/SEATTLE/requests?{query}")).EnumerateArray()
        .Select(r => r.GetProperty("confirmationNumber").GetString()!).ToList();
}
