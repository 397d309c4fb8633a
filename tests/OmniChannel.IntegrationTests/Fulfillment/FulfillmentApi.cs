using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OmniChannel.IntegrationTests.Infrastructure;
using OmniChannel.IntegrationTests.Orders;
using OmniChannel.IntegrationTests.Payments;

namespace OmniChannel.IntegrationTests.Fulfillment;

/// <summary>
/// What the storefront, the call center and the store terminals do after an order is placed, for the tests: pickup
/// receiving (PUP-3) and completion at the counter (PUP-4), invoicing of shipped lines (PAY-6), cancellation (ORD-8), a new payment (PAY-9).
/// Each acts as a principal the platform lets do it: HOUSTON's cashier for HOUSTON's orders, the pickup store's own
/// cashier at its pickup counter, HOUSTON's manager where a manager's right is needed (a deposit or charge override).
/// </summary>
public sealed class FulfillmentApi(PlatformFixture platform)
{
    public OrderApi Orders { get; } = new(platform);

    public PaymentApi Payments { get; } = new(platform);

    private HttpClient Gateway => platform.As(Principal.HoustonCashier);

    /// <summary>A cashier of the store, for its pickup counter (a terminal acts for its own store only).</summary>
    public static Principal CashierAt(string storeId) => storeId == "SEATTLE" ? Principal.SeattleCashier : Principal.HoustonCashier;

    private HttpClient CounterOf(JsonElement pickup) => platform.As(CashierAt(pickup.GetProperty("storeId").GetString()!));

    /// <summary>A storefront checkout (PAY-3): the card token of the hosted payment fields, no terminal, no deposit.</summary>
    public static object Online(string cardToken, params object[] lines) => new
    {
        channel = "online", storeId = "HOUSTON", customerId = "2001", lines,
        payment = new { tenderTypeId = "CARD", cardTypeId = "VISA", cardToken },
    };

    /// <summary>A call-center order (PAY-4): card not present, its payment a prepayment.</summary>
    public static object CallCenter(string cardToken, string cardTypeId, params object[] lines) => new
    {
        channel = "callCenter", storeId = "HOUSTON", customerId = "2001", lines,
        payment = new { tenderTypeId = "CARD", cardTypeId, cardToken },
    };

    /// <summary>A store terminal's order at HOUSTON, the deposit swiped (PAY-5); <paramref name="depositPercent"/> overrides the default.</summary>
    public static object Store(string cardToken, decimal? depositPercent, params object[] lines) => new
    {
        storeId = "HOUSTON", terminalId = "T1", customerId = "2001", lines,
        deposit = new { tenderTypeId = "CARD", cardTypeId = "VISA", cardToken, percent = depositPercent },
    };

    /// <summary>Places an order that must be confirmed (as <paramref name="by"/>, HOUSTON's cashier by default); returns it.</summary>
    public async Task<JsonElement> ConfirmedAsync(object order, Principal? by = null)
    {
        var placed = by is null ? await Orders.PlaceAsync(order) : await new OrderApi(platform, by).PlaceAsync(order);
        var confirmed = await Orders.EndStateAsync(placed);
        Assert.True(confirmed.GetProperty("status").GetString() == "Confirmed", confirmed.ToString());
        return confirmed;
    }

    public Task<JsonElement> OrderAsync(JsonElement order) => Orders.GetAsync(Number(order));

    public Task<JsonElement> StatusAsync(JsonElement order, params string[] statuses) =>
        Orders.StatusAsync(Number(order), TimeSpan.FromSeconds(60), statuses);

    /// <summary>Polls the order until the condition holds.</summary>
    public Task<JsonElement> UntilAsync(JsonElement order, Func<JsonElement, bool> condition, string what) =>
        Poll.UntilValueAsync<JsonElement>(async () => await OrderAsync(order) is var current && condition(current) ? current : null,
            TimeSpan.FromSeconds(60), what);

    /// <summary>The order's pickup request at a store, once the store has it (PUP-1).</summary>
    public Task<JsonElement> PickupAsync(JsonElement order, string store) =>
        Poll.UntilValueAsync<JsonElement>(async () =>
        {
            var all = await platform.As(CashierAt(store)).GetFromJsonElementAsync($"/api/pickups/stores/{store}/requests?receipt={Number(order)}");
            return all.EnumerateArray().FirstOrDefault(r => r.GetProperty("confirmationNumber").GetString() == Number(order)) is
            { ValueKind: JsonValueKind.Object } found ? found : null;
        }, TimeSpan.FromSeconds(30), $"the pickup request of {Number(order)} at {store}");

    /// <summary>The pickup request as it is now, read at its store's counter.</summary>
    public Task<JsonElement> PickupByIdAsync(JsonElement pickup) =>
        CounterOf(pickup).GetFromJsonElementAsync($"/api/pickups/{pickup.GetProperty("id").GetGuid()}");

    /// <summary>PUP-3 at the counter: the receipt's barcode scanned.</summary>
    public Task<HttpResponseMessage> ScanReceiptAsync(JsonElement pickup, string? barcode = null) =>
        Post($"/api/pickups/{pickup.GetProperty("id").GetGuid()}/receiving/receipt",
            new { barcode = barcode ?? pickup.GetProperty("confirmationNumber").GetString() }, caller: CounterOf(pickup));

    /// <summary>PUP-3 at the counter: one unit scanned by its code (its UPC).</summary>
    public Task<HttpResponseMessage> ScanItemAsync(JsonElement pickup, string code, string? idempotencyKey = null) =>
        Post($"/api/pickups/{pickup.GetProperty("id").GetGuid()}/receiving/items", new { code }, idempotencyKey ?? Guid.NewGuid().ToString("N"),
            CounterOf(pickup));

    /// <summary>
    /// PUP-3: receives the pickup when it is not yet: the receipt and every unit still to scan, then waits until it is received
    /// (another terminal may be receiving it at the same time: its refusals of a scan too many are expected).
    /// </summary>
    public async Task<JsonElement> ReceivedAsync(JsonElement pickup)
    {
        var current = await PickupByIdAsync(pickup);
        if (current.GetProperty("status").GetString() != "Requested")
            return current;
        (await ScanReceiptAsync(current)).Dispose();
        foreach (var item in current.GetProperty("items").EnumerateArray())
            for (var i = 0; i < item.GetProperty("toScan").GetInt32(); i++)
                (await ScanItemAsync(current, item.GetProperty("scanCode").GetString()!)).Dispose();
        return await Poll.UntilValueAsync<JsonElement>(async () => await PickupByIdAsync(pickup) is var now
                && now.GetProperty("status").GetString() != "Requested" ? now : null,
            TimeSpan.FromSeconds(30), $"the pickup {pickup.GetProperty("id")} to be received");
    }

    /// <summary>PUP-4 at the counter: the receipt and every item scanned (received first, PUP-3, unless <paramref name="receiveFirst"/> is false).</summary>
    public async Task<HttpResponseMessage> CompleteAsync(JsonElement pickup, IEnumerable<(string Sku, int Quantity)> items, int? tenderLineId = null,
        string? receipt = null, string? idempotencyKey = null, bool receiveFirst = true)
    {
        if (receiveFirst)
            await ReceivedAsync(pickup);
        return await Post($"/api/pickups/{pickup.GetProperty("id").GetGuid()}/completion", new
        {
            receipt = receipt ?? pickup.GetProperty("confirmationNumber").GetString(),
            items = items.Select(i => new { sku = i.Sku, quantity = i.Quantity }),
            tenderLineId,
        }, idempotencyKey ?? Guid.NewGuid().ToString("N"), CounterOf(pickup));
    }

    /// <summary>A completion that must be accepted; returns the completion's fulfillment id.</summary>
    public async Task<string> CompletedAsync(JsonElement pickup, params (string Sku, int Quantity)[] items) =>
        await CompletedAsync(pickup, null, items);

    public async Task<string> CompletedAsync(JsonElement pickup, int? tenderLineId, params (string Sku, int Quantity)[] items)
    {
        using var response = await CompleteAsync(pickup, items, tenderLineId);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("completions").EnumerateArray().Last().GetProperty("fulfillmentId").GetString()!;
    }

    public Task<HttpResponseMessage> InvoiceAsync(JsonElement order, string invoiceId, params (int LineId, int Quantity)[] lines) =>
        Post($"/api/orders/{Number(order)}/invoices", new { invoiceId, lines = lines.Select(l => new { lineId = l.LineId, quantity = l.Quantity }) });

    /// <summary>ORD-8; a charge percent of its own is the manager's (the parameters' 10 % is anyone's).</summary>
    public Task<HttpResponseMessage> CancelAsync(JsonElement order, decimal? chargePercent = null, string? idempotencyKey = null) =>
        Post($"/api/orders/{Number(order)}/cancellation", new { chargePercent }, idempotencyKey ?? Guid.NewGuid().ToString("N"),
            chargePercent is null ? null : platform.As(Principal.HoustonManager));

    public Task<HttpResponseMessage> RetryPaymentAsync(JsonElement order, string fulfillmentId, int tenderLineId) =>
        Post($"/api/orders/{Number(order)}/fulfillments/{fulfillmentId}/payment", new { tenderLineId });

    /// <summary>On hand and reserved at a location, once Inventory has settled to them (stock is issued and released by messages).</summary>
    public Task StockAsync(string location, string sku, (int OnHand, int Reserved) expected) =>
        Poll.UntilAsync(async () => await Orders.StockAsync(location, sku) == expected, TimeSpan.FromSeconds(30),
            $"{sku} at {location} to be {expected}");

    public static Guid OrderId(JsonElement order) => order.GetProperty("orderId").GetGuid();

    public static string Number(JsonElement order) => order.GetProperty("confirmationNumber").GetString()!;

    public static JsonElement FulfillmentOf(JsonElement order, string fulfillmentId) =>
        order.GetProperty("fulfillments").EnumerateArray().Single(f => f.GetProperty("fulfillmentId").GetString() == fulfillmentId);

    /// <summary>The payment status of a fulfillment, or null while the order has not recorded it.</summary>
    public static string? PaymentStatusOf(JsonElement order, string fulfillmentId) =>
        order.GetProperty("fulfillments").EnumerateArray().Where(f => f.GetProperty("fulfillmentId").GetString() == fulfillmentId)
            .Select(f => f.GetProperty("paymentStatus").GetString()).FirstOrDefault();

    public static IReadOnlyList<string?> History(JsonElement order) =>
        order.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();

    public static decimal Payment(JsonElement order, string name) => order.GetProperty("payment").GetProperty(name).GetDecimal();

    /// <summary>Each capture of the ledger: its tender line, amount and purpose, in the order they were made.</summary>
    public static IReadOnlyList<(int Line, decimal Amount, string? Purpose)> Captures(JsonElement ledger) =>
        ledger.GetProperty("tenderLines").EnumerateArray()
            .SelectMany(t => t.GetProperty("captures").EnumerateArray().Select(c =>
                (Line: t.GetProperty("tenderLineId").GetInt32(), Amount: c.GetProperty("amount").GetDecimal(), Purpose: c.GetProperty("purpose").GetString(),
                    At: c.GetProperty("at").GetDateTimeOffset())))
            .OrderBy(c => c.At).Select(c => (c.Line, c.Amount, c.Purpose)).ToList();

    private Task<HttpResponseMessage> Post(string path, object body, string? idempotencyKey = null, HttpClient? caller = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        return (caller ?? Gateway).SendAsync(request);
    }
}
