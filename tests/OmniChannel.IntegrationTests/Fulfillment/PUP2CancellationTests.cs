using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using OmniChannel.Contracts.Pickup;
using OmniChannel.IntegrationTests.Infrastructure;
using static OmniChannel.IntegrationTests.Fulfillment.FulfillmentApi;
using static OmniChannel.IntegrationTests.Orders.OrderApi;

namespace OmniChannel.IntegrationTests.Fulfillment;

/// <summary>
/// PUP-2 at SEATTLE, as its counter and print agent: a cancellation prints a slip on the store's print queue with only the
/// newly cancelled items (the store's option: the whole history); printing it takes them off the hanger; cancelling every
/// item voids the receipt and the stock is sellable again.
/// </summary>
[Collection(PlatformCollection.Name)]
public class PUP2CancellationTests(PlatformFixture platform)
{
    private readonly FulfillmentApi api = new(platform);

    private HttpClient Seattle => platform.As(Principal.SeattleCashier);

    [Fact]
    public async Task PUP2_the_order_cancelled_voids_the_printed_receipt_prints_a_slip_that_takes_the_items_off_the_hanger_and_the_stock_is_sellable()
    {
        var sku = await api.Orders.NewProductAsync(20.00m, "SEATTLE", onHand: 2);
        var order = await api.ConfirmedAsync(Online("tok_visa_ok", PickupLine(sku, 2, "SEATTLE")));
        var pickup = await PrintedAsync(order);
        await api.ReceivedAsync(pickup);
        await api.StockAsync("SEATTLE", sku, (2, 2));

        using (var cancelled = await api.CancelAsync(order))
            Assert.True(cancelled.StatusCode == HttpStatusCode.Accepted, await cancelled.Content.ReadAsStringAsync());

        var slip = await SlipAsync(pickup, 1);
        var text = await PdfPages.TextAsync(await DocumentAsync(slip));
        foreach (var expected in new[] { "Cancellation slip", "RECEIPT VOID", Number(order), sku, $"Test item {sku}" })
            Assert.Contains(expected, text);
        Assert.Equal(Number(order), await PdfPages.BarcodeAsync(await DocumentAsync(slip)));
        Assert.Equal("Cancelled", (await api.PickupByIdAsync(pickup)).GetProperty("status").GetString());

        await AcknowledgeAsync(slip);
        var off = await api.PickupByIdAsync(pickup);
        Assert.Equal(2, off.GetProperty("items")[0].GetProperty("offHanger").GetInt32());
        await api.StockAsync("SEATTLE", sku, (2, 0)); // nothing reserved: both units sellable again
        Assert.Contains("cancelled_items_off_hanger", await HistoryAsync(pickup));
    }

    [Fact]
    public async Task PUP2_each_partial_cancellation_slip_lists_only_the_newly_cancelled_items_or_with_the_stores_option_the_whole_history()
    {
        var shoe = await api.Orders.NewProductAsync(30.00m, "SEATTLE", onHand: 3);
        var sock = await api.Orders.NewProductAsync(5.00m, "SEATTLE", onHand: 1);
        var order = await api.ConfirmedAsync(Online("tok_visa_ok", PickupLine(shoe, 3, "SEATTLE"), PickupLine(sock, 1, "SEATTLE")));
        var pickup = await PrintedAsync(order);
        await api.ReceivedAsync(pickup);
        var shoeLine = LineOf(pickup, shoe);
        var sockLine = LineOf(pickup, sock);

        // As the order's cancel-lines path sends it (from any channel's order), twice for the same cancellation.
        await platform.PublishAsync(new CancelPickupLines { OrderId = OrderId(order), CancellationId = "c1", Reason = "customer", Lines = [Line(shoeLine, shoe, 1)] });
        await platform.PublishAsync(new CancelPickupLines { OrderId = OrderId(order), CancellationId = "c1", Reason = "customer", Lines = [Line(shoeLine, shoe, 1)] });
        var first = await SlipAsync(pickup, 1);
        await platform.PublishAsync(new CancelPickupLines { OrderId = OrderId(order), CancellationId = "c2", Reason = "customer", Lines = [Line(shoeLine, shoe, 1)] });
        var second = await SlipAsync(pickup, 2);

        Assert.Matches(ItemLine(1, shoe), await PdfPages.TextAsync(await DocumentAsync(second))); // one unit, not the two cancelled so far
        var partly = await api.PickupByIdAsync(pickup);
        Assert.Equal(("Received", 2), (partly.GetProperty("status").GetString(), partly.GetProperty("items")[0].GetProperty("cancelled").GetInt32()));

        await SetSlipWithHistoryAsync(true);
        try
        {
            await platform.PublishAsync(new CancelPickupLines { OrderId = OrderId(order), CancellationId = "c3", Reason = "customer", Lines = [Line(sockLine, sock, 1)] });
            var third = await SlipAsync(pickup, 3);
            var text = await PdfPages.TextAsync(await DocumentAsync(third));
            Assert.Matches(ItemLine(2, shoe), text);
            Assert.Matches(ItemLine(1, sock), text);
            Assert.DoesNotContain("RECEIPT VOID", text); // one shoe is still to collect
        }
        finally
        {
            await SetSlipWithHistoryAsync(false);
        }

        await AcknowledgeAsync(first);
        await AcknowledgeAsync(first); // printed twice by the agent: off the hanger once
        var after = await api.PickupByIdAsync(pickup);
        Assert.Equal((1, 0), (after.GetProperty("items")[0].GetProperty("offHanger").GetInt32(), after.GetProperty("items")[1].GetProperty("offHanger").GetInt32()));
        Assert.True(after.GetProperty("onHanger").GetBoolean()); // the last shoe hangs
        Assert.Equal(1, (await HistoryAsync(pickup)).Count(t => t == "cancelled_items_off_hanger"));
    }

    /// <summary>The order's pickup request, its receipt printed by "print pending now".</summary>
    private async Task<JsonElement> PrintedAsync(JsonElement order)
    {
        var pickup = await api.PickupAsync(order, "SEATTLE");
        using var printed = await Seattle.PostAsync("/api/pickups/stores/SEATTLE/printing/run", null);
        Assert.Equal(HttpStatusCode.OK, printed.StatusCode);
        return await api.PickupByIdAsync(pickup);
    }

    /// <summary>The pickup's <paramref name="count"/>th cancellation slip on SEATTLE's print queue, once it is there.</summary>
    private Task<JsonElement> SlipAsync(JsonElement pickup, int count) =>
        Poll.UntilValueAsync<JsonElement>(async () =>
        {
            var slips = (await Seattle.GetFromJsonElementAsync("/api/pickups/stores/SEATTLE/print-jobs")).EnumerateArray()
                .Concat((await Seattle.GetFromJsonElementAsync("/api/pickups/stores/SEATTLE/print-jobs?acknowledged=true")).EnumerateArray())
                .Where(j => j.GetProperty("pickupId").GetGuid() == pickup.GetProperty("id").GetGuid() && j.GetProperty("kind").GetString() == "CancellationSlip")
                .OrderBy(j => j.GetProperty("createdAt").GetDateTimeOffset())
                .ToList();
            Assert.True(slips.Count <= count, $"{slips.Count} slips for {count} cancellations");
            return slips.Count == count ? slips[^1] : null;
        }, TimeSpan.FromSeconds(30), $"cancellation slip {count} of {pickup.GetProperty("confirmationNumber")}");

    private Task<byte[]> DocumentAsync(JsonElement job) =>
        Seattle.GetByteArrayAsync($"/api/pickups/print-jobs/{job.GetProperty("id").GetString()}/document");

    private async Task AcknowledgeAsync(JsonElement job)
    {
        using var response = await Seattle.PostAsync($"/api/pickups/print-jobs/{job.GetProperty("id").GetString()}/acknowledgement", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<IReadOnlyList<string?>> HistoryAsync(JsonElement pickup) =>
        (await Seattle.GetFromJsonElementAsync($"/api/pickups/{pickup.GetProperty("id").GetGuid()}/history")).EnumerateArray()
        .Select(e => e.GetProperty("type").GetString()).ToList();

    private async Task SetSlipWithHistoryAsync(bool withHistory)
    {
        var printing = await Seattle.GetFromJsonElementAsync("/api/pickups/stores/SEATTLE/printing");
        using var response = await Seattle.PutAsJsonAsync("/api/pickups/stores/SEATTLE/printing",
            new { minutes = printing.GetProperty("minutes"), slipWithHistory = withHistory });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A slip's item line: its quantity, then its SKU (pdftotext spaces them as the layout falls).</summary>
    internal static string ItemLine(int quantity, string sku) => $@"(?m)^\s*{quantity}\s+{sku}\s";

    private static int LineOf(JsonElement pickup, string sku) =>
        pickup.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("sku").GetString() == sku).GetProperty("lineId").GetInt32();

    private static PickupLine Line(int lineId, string sku, int quantity) => new() { LineId = lineId, Sku = sku, Quantity = quantity };
}
