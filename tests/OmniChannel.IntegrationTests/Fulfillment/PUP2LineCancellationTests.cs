using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OmniChannel.IntegrationTests.Infrastructure;
using static OmniChannel.IntegrationTests.Fulfillment.FulfillmentApi;
using static OmniChannel.IntegrationTests.Orders.OrderApi;
using static OmniChannel.IntegrationTests.Payments.PaymentApi;

namespace OmniChannel.IntegrationTests.Fulfillment;

/// <summary>
/// ORD-7 / PUP-2 across Order, Inventory and Pickup: some units of an order's lines cancelled through the order
/// (POST /api/orders/{cn}/line-cancellations, or a store ending a pickup of a mixed order, PUP-5): the store's slip lists
/// only those units, their stock is sellable again, the rest of the order stays open and completes paying only what left.
/// </summary>
[Collection(PlatformCollection.Name)]
public class PUP2LineCancellationTests(PlatformFixture platform)
{
    private readonly FulfillmentApi api = new(platform);

    private HttpClient Seattle => platform.As(Principal.SeattleCashier);

    [Fact]
    public async Task PUP2_a_partial_cancellation_of_an_order_prints_a_slip_of_the_new_items_and_releases_their_stock()
    {
        var sku = await api.Orders.NewProductAsync(20.00m, "SEATTLE", onHand: 3);
        var order = await api.ConfirmedAsync(Online("tok_visa_ok", PickupLine(sku, 3, "SEATTLE")));
        var line = order.GetProperty("lines")[0].GetProperty("lineId").GetInt32();
        var pickup = await api.PickupAsync(order, "SEATTLE");
        using (var printed = await Seattle.PostAsync("/api/pickups/stores/SEATTLE/printing/run", null))
            Assert.Equal(HttpStatusCode.OK, printed.StatusCode);
        await api.ReceivedAsync(pickup);
        await api.StockAsync("SEATTLE", sku, (3, 3));

        await Problems.AssertAsync(await CancelLinesAsync(order, [(line, 1)], reason: ""), HttpStatusCode.BadRequest, "line_cancellation.reason_required");
        await Problems.AssertAsync(await CancelLinesAsync(order, [(line, 4)]), HttpStatusCode.Conflict, "line_cancellation.quantity_over_open");
        await Problems.AssertAsync(await CancelLinesAsync(order, [(line + 99, 1)]), HttpStatusCode.BadRequest, "line_cancellation.line_unknown");
        await Problems.AssertAsync(await CancelLinesAsync(order, [(line, 0)]), HttpStatusCode.BadRequest, "line_cancellation.quantity_invalid");
        await Problems.AssertAsync(await CancelLinesAsync(order, [(line, 1)], caller: Seattle), HttpStatusCode.Forbidden, "auth.other_store");
        await api.StockAsync("SEATTLE", sku, (3, 3)); // the refusals changed nothing

        var key = Guid.NewGuid().ToString("N");
        string cancellationId;
        using (var accepted = await CancelLinesAsync(order, [(line, 1)], key: key))
        {
            Assert.True(accepted.StatusCode == HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());
            var body = await accepted.ReadJsonAsync();
            cancellationId = body.GetProperty("cancellationId").GetString()!;
            Assert.False(body.GetProperty("wholeOrder").GetBoolean());
        }
        using (var replayed = await CancelLinesAsync(order, [(line, 1)], key: key)) // the terminal's retry: the same cancellation, not a second one
            Assert.Equal(cancellationId, (await replayed.ReadJsonAsync()).GetProperty("cancellationId").GetString());

        var slip = await SlipAsync(pickup);
        var text = await PdfPages.TextAsync(await Seattle.GetByteArrayAsync($"/api/pickups/print-jobs/{slip.GetProperty("id").GetString()}/document"));
        Assert.Matches(PUP2CancellationTests.ItemLine(1, sku), text); // only the unit just cancelled
        Assert.DoesNotContain("RECEIPT VOID", text);
        await api.StockAsync("SEATTLE", sku, (3, 2)); // one unit sellable again
        var cancelled = await api.UntilAsync(order, o => CancelledOf(o, line) == 1, "the order to record the cancelled unit");
        Assert.Equal("Confirmed", cancelled.GetProperty("status").GetString());
        Assert.Contains("lines_cancelled", History(cancelled));

        await api.CompletedAsync(pickup, (sku, 2));
        var completed = await api.StatusAsync(order, "Completed");
        Assert.Equal(40.00m, Payment(completed, "capturedAtFulfillment")); // the two units collected, not the cancelled one
        await Poll.UntilAsync(async () => await api.Payments.LedgerAsync(OrderId(order)) is var ledger
                && (Total(ledger, "captured"), Total(ledger, "openAuthorizations")) == (40.00m, 0m),
            TimeSpan.FromSeconds(30), "the ledger to hold 40.00 captured and the rest of the authorization released");
        await api.StockAsync("SEATTLE", sku, (1, 0));
    }

    [Fact]
    public async Task PUP5_a_mixed_orders_pickup_not_possible_cancels_only_its_lines_releases_their_stock_and_the_order_stays_open()
    {
        var far = await api.Orders.NewProductAsync(50.00m, "SEATTLE", onHand: 2);
        var near = await api.Orders.NewProductAsync(30.00m, "HOUSTON", onHand: 1);
        var order = await api.ConfirmedAsync(Online("tok_visa_ok", PickupLine(far, 2, "SEATTLE"), PickupLine(near, 1, "HOUSTON")));
        var farLine = LineOf(order, far);
        var seattle = await api.PickupAsync(order, "SEATTLE");

        using (var refused = await Seattle.PostAsJsonAsync($"/api/pickups/{seattle.GetProperty("id").GetGuid()}/not-possible",
                   new { reason = "water damage in the stockroom", outOfStock = false }))
            Assert.True(refused.StatusCode == HttpStatusCode.OK, await refused.Content.ReadAsStringAsync());

        var open = await api.UntilAsync(order, o => CancelledOf(o, farLine) == 2, "the SEATTLE line to be cancelled");
        Assert.Equal("Confirmed", open.GetProperty("status").GetString()); // the HOUSTON line is still to collect
        await api.StockAsync("SEATTLE", far, (2, 0));
        await api.StockAsync("HOUSTON", near, (1, 1));

        await api.CompletedAsync(await api.PickupAsync(order, "HOUSTON"), (near, 1));
        var completed = await api.StatusAsync(order, "Completed");
        Assert.Equal(30.00m, Payment(completed, "capturedAtFulfillment"));
        await Poll.UntilAsync(async () => await api.Payments.LedgerAsync(OrderId(order)) is var ledger
                && (Total(ledger, "captured"), Total(ledger, "openAuthorizations")) == (30.00m, 0m),
            TimeSpan.FromSeconds(30), "the ledger to hold 30.00 captured and the rest of the authorization released");
    }

    private Task<HttpResponseMessage> CancelLinesAsync(JsonElement order, (int LineId, int Quantity)[] lines, string reason = "customer changed their mind",
        string? key = null, HttpClient? caller = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/orders/{Number(order)}/line-cancellations")
        {
            Content = JsonContent.Create(new { lines = lines.Select(l => new { lineId = l.LineId, quantity = l.Quantity }), reason }),
        };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString("N"));
        return (caller ?? platform.As(Principal.HoustonCashier)).SendAsync(request);
    }

    /// <summary>The pickup's cancellation slip on SEATTLE's print queue, once it is there (one, never more).</summary>
    private Task<JsonElement> SlipAsync(JsonElement pickup) =>
        Poll.UntilValueAsync<JsonElement>(async () =>
        {
            var slips = (await Seattle.GetFromJsonElementAsync("/api/pickups/stores/SEATTLE/print-jobs")).EnumerateArray()
                .Where(j => j.GetProperty("pickupId").GetGuid() == pickup.GetProperty("id").GetGuid() && j.GetProperty("kind").GetString() == "CancellationSlip")
                .ToList();
            Assert.True(slips.Count <= 1, $"{slips.Count} slips for one cancellation");
            return slips.Count == 1 ? slips[0] : null;
        }, TimeSpan.FromSeconds(30), $"the cancellation slip of {pickup.GetProperty("confirmationNumber")}");

    private static int CancelledOf(JsonElement order, int lineId) =>
        order.GetProperty("lineFulfillment").EnumerateArray().Single(l => l.GetProperty("lineId").GetInt32() == lineId).GetProperty("cancelledQuantity").GetInt32();

    private static int LineOf(JsonElement order, string sku) =>
        order.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("sku").GetString() == sku).GetProperty("lineId").GetInt32();
}
