using System.Diagnostics;
using System.Net;
using System.Text.Json;
using OmniChannel.IntegrationTests.Infrastructure;
using static OmniChannel.IntegrationTests.Fulfillment.FulfillmentApi;
using static OmniChannel.IntegrationTests.Orders.OrderApi;
using static OmniChannel.IntegrationTests.Payments.PaymentApi;

namespace OmniChannel.IntegrationTests.Fulfillment;

/// <summary>
/// PUP-3 and PUP-4 at SEATTLE's counter, through the gateway as its cashier: the receipt's barcode and every item's UPC
/// scanned receive the request onto the hanger; a wrong item and one too many are refused; scans survive a kill of the
/// Pickup service; only a received request is completed, and completing it captures the payment through the order.
/// </summary>
[Collection(PlatformCollection.Name)]
public class PUP3ReceiveTests(PlatformFixture platform)
{
    private readonly FulfillmentApi api = new(platform);

    [Fact]
    public async Task PUP3_scanning_the_receipt_and_every_item_receives_the_request_then_PUP4_completes_it_and_the_payment_is_captured()
    {
        var (shoe, sock) = (await api.Orders.NewProductAsync(30.00m, "SEATTLE", onHand: 2), await api.Orders.NewProductAsync(5.00m, "SEATTLE", onHand: 1));
        var order = await api.ConfirmedAsync(Online("tok_visa_ok", PickupLine(shoe, 2, "SEATTLE"), PickupLine(sock, 1, "SEATTLE")));
        var pickup = await api.PickupAsync(order, "SEATTLE");
        var (shoeUpc, sockUpc) = (ScanCode(pickup, shoe), ScanCode(pickup, sock));
        Assert.Equal(Gtin.UpcFor('8', shoe), shoeUpc); // the product's UPC, as Inventory-Allocation registered it

        await Problems.AssertAsync(await api.ScanItemAsync(pickup, shoeUpc), HttpStatusCode.Conflict, "pickup.receipt_not_scanned");
        await Problems.AssertAsync(await api.ScanReceiptAsync(pickup, "SEA-00000-00000"), HttpStatusCode.BadRequest, "pickup.receipt_mismatch");
        await Ok(api.ScanReceiptAsync(pickup));
        await Problems.AssertAsync(await api.ScanItemAsync(pickup, Gtin.UpcFor('8', "99999")), HttpStatusCode.BadRequest, "pickup.item_not_in_request");
        await Ok(api.ScanItemAsync(pickup, sockUpc));
        await Problems.AssertAsync(await api.ScanItemAsync(pickup, sockUpc), HttpStatusCode.BadRequest, "pickup.item_already_scanned");
        await Problems.AssertAsync(await api.CompleteAsync(pickup, [(shoe, 2), (sock, 1)], receiveFirst: false), HttpStatusCode.Conflict,
            "pickup.not_received");
        await Ok(api.ScanItemAsync(pickup, shoeUpc, idempotencyKey: "T1-scan-1"));
        var again = await Ok(api.ScanItemAsync(pickup, shoeUpc, idempotencyKey: "T1-scan-1")); // the same scan sent twice counts once
        Assert.Equal(1, Item(again, shoe).GetProperty("scanned").GetInt32());

        var received = await Ok(api.ScanItemAsync(pickup, shoeUpc));

        Assert.Equal(("Received", true), (received.GetProperty("status").GetString(), received.GetProperty("onHanger").GetBoolean()));
        await api.CompletedAsync(pickup, (shoe, 2), (sock, 1));
        order = await api.StatusAsync(order, "Completed");
        Assert.Equal(65.00m, Total(await api.Payments.LedgerAsync(OrderId(order)), "captured"));
        var history = await platform.As(Principal.SeattleCashier).GetFromJsonElementAsync($"/api/pickups/{pickup.GetProperty("id").GetGuid()}/history");
        Assert.Equal(["pickup_requested", "receipt_scanned", "item_scanned", "item_scanned", "item_scanned", "pickup_received", "put_on_hanger",
            "pickup_handed_over"], history.EnumerateArray().Select(e => e.GetProperty("type").GetString()).Where(t => t != "completion_payment_answered"));
    }

    [Fact]
    public async Task PUP3_scans_already_made_survive_a_kill_of_the_pickup_service()
    {
        var sku = await api.Orders.NewProductAsync(12.00m, "SEATTLE", onHand: 3);
        var order = await api.ConfirmedAsync(Online("tok_visa_ok", PickupLine(sku, 3, "SEATTLE")));
        var pickup = await api.PickupAsync(order, "SEATTLE");
        await Ok(api.ScanReceiptAsync(pickup));
        await Ok(api.ScanItemAsync(pickup, ScanCode(pickup, sku)));
        await Ok(api.ScanItemAsync(pickup, ScanCode(pickup, sku)));

        var pid = platform.Platform.ServiceProcessId("pickup");
        Process.GetProcessById(pid).Kill();
        await platform.Platform.StartAgainAsync("pickup", pid, TimeSpan.FromSeconds(90));

        var after = await api.PickupByIdAsync(pickup);
        Assert.Equal((2, 1, "Requested"), (Item(after, sku).GetProperty("scanned").GetInt32(), Item(after, sku).GetProperty("toScan").GetInt32(),
            after.GetProperty("status").GetString()));
        Assert.Equal("Received", (await Ok(api.ScanItemAsync(pickup, ScanCode(pickup, sku)))).GetProperty("status").GetString());
    }

    private static string ScanCode(JsonElement pickup, string sku) => Item(pickup, sku).GetProperty("scanCode").GetString()!;

    private static JsonElement Item(JsonElement pickup, string sku) =>
        pickup.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("sku").GetString() == sku);

    private static async Task<JsonElement> Ok(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
