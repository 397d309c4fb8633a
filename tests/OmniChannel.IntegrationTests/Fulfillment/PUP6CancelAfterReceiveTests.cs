using System.Net;
using System.Net.Http.Json;
using OmniChannel.IntegrationTests.Infrastructure;
using static OmniChannel.IntegrationTests.Fulfillment.FulfillmentApi;
using static OmniChannel.IntegrationTests.Orders.OrderApi;
using static OmniChannel.IntegrationTests.Payments.PaymentApi;

namespace OmniChannel.IntegrationTests.Fulfillment;

/// <summary>
/// PUP-6 at SEATTLE's counter: a received pickup cancelled with a reason comes off the hanger (its slip printed), its stock
/// is sellable again and the order is told: its saga cancels it with the refund and void the order's rules give (ORD-8,
/// PAY-11: the deposit minus the parameters' 10 % charge refunded, the authorization voided).
/// </summary>
[Collection(PlatformCollection.Name)]
public class PUP6CancelAfterReceiveTests(PlatformFixture platform)
{
    private readonly FulfillmentApi api = new(platform);

    private HttpClient Seattle => platform.As(Principal.SeattleCashier);

    [Fact]
    public async Task PUP6_a_received_pickup_cancelled_at_the_counter_is_off_the_hanger_its_stock_sellable_and_its_order_cancelled_and_refunded()
    {
        var sku = await api.Orders.NewProductAsync(50.00m, "SEATTLE", onHand: 3);
        var order = await api.ConfirmedAsync(Store("tok_visa_ok", null, PickupLine(sku, 2, "SEATTLE")));
        var pickup = await api.PickupAsync(order, "SEATTLE");
        using (var printed = await Seattle.PostAsync("/api/pickups/stores/SEATTLE/printing/run", null))
            Assert.Equal(HttpStatusCode.OK, printed.StatusCode);
        await api.ReceivedAsync(pickup);
        var path = $"/api/pickups/{pickup.GetProperty("id").GetGuid()}/cancellation";

        await Problems.AssertAsync(await Seattle.PostAsJsonAsync(path, new { reason = " " }), HttpStatusCode.BadRequest, "pickup.reason_required");
        await Problems.AssertAsync(await platform.As(Principal.HoustonCashier).PostAsJsonAsync(path, new { reason = "customer changed their mind" }),
            HttpStatusCode.Forbidden, "auth.other_store");
        using (var cancelled = await Seattle.PostAsJsonAsync(path, new { reason = "customer changed their mind" }))
            Assert.True(cancelled.StatusCode == HttpStatusCode.OK, await cancelled.Content.ReadAsStringAsync());
        await Problems.AssertAsync(await Seattle.PostAsJsonAsync(path, new { reason = "again" }), HttpStatusCode.Conflict, "pickup.cancelled");

        var slip = (await Seattle.GetFromJsonElementAsync("/api/pickups/stores/SEATTLE/print-jobs")).EnumerateArray()
            .Single(j => j.GetProperty("pickupId").GetGuid() == pickup.GetProperty("id").GetGuid() && j.GetProperty("kind").GetString() == "CancellationSlip");
        var text = await PdfPages.TextAsync(await Seattle.GetByteArrayAsync($"/api/pickups/print-jobs/{slip.GetProperty("id").GetString()}/document"));
        foreach (var expected in new[] { "RECEIPT VOID", "customer changed their mind" })
            Assert.Contains(expected, text);
        Assert.Matches(PUP2CancellationTests.ItemLine(2, sku), text);
        using (var acknowledged = await Seattle.PostAsync($"/api/pickups/print-jobs/{slip.GetProperty("id").GetString()}/acknowledgement", null))
            Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        var off = await api.PickupByIdAsync(pickup);
        Assert.Equal(("Cancelled", false, 2), (off.GetProperty("status").GetString(), off.GetProperty("onHanger").GetBoolean(),
            off.GetProperty("items")[0].GetProperty("offHanger").GetInt32()));

        order = await api.StatusAsync(order, "Cancelled");
        var cancellation = order.GetProperty("cancellation");
        Assert.Equal((10.00m, 10.00m), (cancellation.GetProperty("refunded").GetDecimal(), cancellation.GetProperty("retained").GetDecimal()));
        var ledger = await api.Payments.LedgerAsync(OrderId(order));
        Assert.Equal((80.00m, 10.00m, 0m), (Total(ledger, "voided"), Total(ledger, "refunded"), Total(ledger, "openAuthorizations")));
        await api.StockAsync("SEATTLE", sku, (3, 0));
    }
}
