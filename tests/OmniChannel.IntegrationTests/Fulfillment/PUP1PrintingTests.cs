using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OmniChannel.IntegrationTests.Infrastructure;
using static OmniChannel.IntegrationTests.Fulfillment.FulfillmentApi;
using static OmniChannel.IntegrationTests.Orders.OrderApi;

namespace OmniChannel.IntegrationTests.Fulfillment;

/// <summary>
/// PUP-1 at SEATTLE, through the gateway as its cashier (the store's terminal and its print agent): receipts printed by
/// "print pending now" and at the store's next configured slot (Quartz), each a PDF on the store's print queue whose Code
/// 128 barcode decodes back to the receipt number; the agent downloads and acknowledges; PUP-7 reprints.
/// </summary>
[Collection(PlatformCollection.Name)]
public class PUP1PrintingTests(PlatformFixture platform)
{
    private readonly FulfillmentApi api = new(platform);

    private HttpClient Seattle => platform.As(Principal.SeattleCashier);

    [Fact]
    public async Task PUP1_print_pending_now_puts_a_pdf_receipt_on_the_print_queue_whose_barcode_is_the_receipt_number()
    {
        var sku = await api.Orders.NewProductAsync(25.00m, "SEATTLE", onHand: 2);
        var order = await api.ConfirmedAsync(Online("tok_visa_ok", PickupLine(sku, 2, "SEATTLE")));
        var pickup = await api.PickupAsync(order, "SEATTLE");

        var printed = await Ok(Seattle.PostAsync("/api/pickups/stores/SEATTLE/printing/run", null));

        var job = printed.EnumerateArray().Single(j => j.GetProperty("pickupId").GetGuid() == pickup.GetProperty("id").GetGuid());
        var queue = await Seattle.GetFromJsonElementAsync("/api/pickups/stores/SEATTLE/print-jobs");
        Assert.Contains(queue.EnumerateArray(), j => j.GetProperty("id").GetString() == job.GetProperty("id").GetString());
        var pdf = await Seattle.GetByteArrayAsync($"/api/pickups/print-jobs/{job.GetProperty("id").GetString()}/document");
        Assert.Equal(Number(order), await PdfPages.BarcodeAsync(pdf));
        var text = await PdfPages.TextAsync(pdf);
        var item = pickup.GetProperty("items")[0];
        foreach (var expected in new[] { Number(order), "Seattle store", "2001", pickup.GetProperty("pickupDate").GetString()!, sku,
                     item.GetProperty("upc").GetString()!, $"Test item {sku}" })
            Assert.Contains(expected, text);
        var printing = await Seattle.GetFromJsonElementAsync("/api/pickups/stores/SEATTLE/printing");
        Assert.True(printing.GetProperty("lastPrintAt").GetDateTimeOffset() >= job.GetProperty("createdAt").GetDateTimeOffset());

        await Ok(Seattle.PostAsync($"/api/pickups/print-jobs/{job.GetProperty("id").GetString()}/acknowledgement", null));
        Assert.DoesNotContain((await Seattle.GetFromJsonElementAsync("/api/pickups/stores/SEATTLE/print-jobs")).EnumerateArray(),
            j => j.GetProperty("id").GetString() == job.GetProperty("id").GetString());
        Assert.DoesNotContain((await Ok(Seattle.PostAsync("/api/pickups/stores/SEATTLE/printing/run", null))).EnumerateArray(),
            j => j.GetProperty("pickupId").GetGuid() == pickup.GetProperty("id").GetGuid()); // printed once

        var reprint = await Ok(Seattle.PostAsync($"/api/pickups/{pickup.GetProperty("id").GetGuid()}/reprint", null));
        Assert.Equal("Reprint", reprint.GetProperty("kind").GetString());
        var history = await Seattle.GetFromJsonElementAsync($"/api/pickups/{pickup.GetProperty("id").GetGuid()}/history");
        Assert.Equal(["pickup_requested", "receipt_printed", "receipt_reprinted"], history.EnumerateArray().Select(e => e.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task PUP1_a_request_prints_at_the_stores_next_configured_slot()
    {
        // Nothing prints at SEATTLE meanwhile (its only slot half an hour away) until the slot the test sets last.
        await Ok(Seattle.PutAsJsonAsync("/api/pickups/stores/SEATTLE/printing", new { minutes = new[] { Slot(DateTimeOffset.UtcNow.AddMinutes(30)).Minute } }));
        var sku = await api.Orders.NewProductAsync(15.00m, "SEATTLE", onHand: 1);
        var order = await api.ConfirmedAsync(Online("tok_visa_ok", PickupLine(sku, 1, "SEATTLE")));
        var pickup = await api.PickupAsync(order, "SEATTLE");
        var slot = Slot(DateTimeOffset.UtcNow.AddSeconds(20)).AddMinutes(5); // the next slot at least 20 s away

        var settings = await Ok(Seattle.PutAsJsonAsync("/api/pickups/stores/SEATTLE/printing", new { minutes = new[] { slot.Minute } }));
        Assert.Equal(slot, settings.GetProperty("nextPrintAt").GetDateTimeOffset()); // SEATTLE's hour has the same minutes as UTC's
        Assert.Equal(JsonValueKind.Null, (await api.PickupByIdAsync(pickup)).GetProperty("printedAt").ValueKind);

        var printed = await Poll.UntilValueAsync<JsonElement>(async () => await api.PickupByIdAsync(pickup) is var current
                && current.GetProperty("printedAt").ValueKind == JsonValueKind.String ? current : null,
            slot - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(90), $"the receipt of {Number(order)} to print at {slot:HH:mm}");

        Assert.InRange(printed.GetProperty("printedAt").GetDateTimeOffset(), slot, slot.AddSeconds(60));
        var queue = await Seattle.GetFromJsonElementAsync("/api/pickups/stores/SEATTLE/print-jobs");
        var job = queue.EnumerateArray().Single(j => j.GetProperty("pickupId").GetGuid() == pickup.GetProperty("id").GetGuid());
        Assert.Equal(Number(order), await PdfPages.BarcodeAsync(
            await Seattle.GetByteArrayAsync($"/api/pickups/print-jobs/{job.GetProperty("id").GetString()}/document")));
    }

    [Fact]
    public async Task PUP1_a_schedule_off_the_5_minute_steps_and_another_stores_printing_are_refused()
    {
        await Problems.AssertAsync(await Seattle.PutAsJsonAsync("/api/pickups/stores/SEATTLE/printing", new { minutes = new[] { 7 } }),
            HttpStatusCode.BadRequest, "printing.minutes_invalid");
        await Problems.AssertAsync(await Seattle.PostAsync("/api/pickups/stores/HOUSTON/printing/run", null), HttpStatusCode.Forbidden, "auth.other_store");
        await Problems.AssertAsync(await Seattle.GetAsync("/api/pickups/print-jobs/print.none/document"), HttpStatusCode.NotFound, "print_job.not_found");
    }

    /// <summary>The 5-minute slot <paramref name="at"/> falls in.</summary>
    private static DateTimeOffset Slot(DateTimeOffset at) => new(at.Year, at.Month, at.Day, at.Hour, at.Minute / 5 * 5, 0, TimeSpan.Zero);

    private static async Task<JsonElement> Ok(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
