using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OmniChannel.IntegrationTests.Infrastructure;
using static OmniChannel.IntegrationTests.Storefronts.StorefrontOrders;

namespace OmniChannel.IntegrationTests.Storefronts;

/// <summary>
/// Issue 14 as a new user tries it: signed storefront webhooks through the gateway become e-commerce orders on the
/// order worker, are matched (ECM-2, ECM-4), worked from the queue by Houston's manager (ECM-1, ECM-3) and become
/// customer orders of the online channel at the storefront's prices (ECM-7), or are rejected without a charge (ECM-6).
/// </summary>
[Collection(PlatformCollection.Name)]
public class EcommerceImportTests(PlatformFixture platform)
{
    private const string SocksUpc = "012345678943"; // 83010, 40 at HOUSTON
    private const string BottlePartNumber = "WB-1L"; // 86002's vendor part number
    private readonly StorefrontOrders storefront = new(platform);

    [Fact]
    public async Task ECM2_ECM3_ECM7_an_order_from_a_known_e_mail_is_matched_and_becomes_a_New_online_order_at_the_storefronts_price()
    {
        var number = NewNumber();
        await storefront.AcknowledgedAsync(OrderCreated(number, "karen.berg@example.com", $"cus_{number}", Line(SocksUpc, null, 2, 21.00m)));

        var ecommerce = await storefront.UntilStatusAsync(IdOf(number), "New");
        Assert.Equal("2001", ecommerce.GetProperty("customerId").GetString());
        var confirmationNumber = ecommerce.GetProperty("confirmationNumber").GetString()!;
        var order = await storefront.CustomerOrderAsync(confirmationNumber, "Confirmed"); // stock reserved, card hold authorized (PAY-3)
        Assert.Equal(("Online", "2001", 42.00m), (order.GetProperty("channel").GetString(), order.GetProperty("customerId").GetString(),
            order.GetProperty("total").GetDecimal()));
        Assert.Equal(21.00m, order.GetProperty("prices")[0].GetProperty("unitPrice").GetDecimal()); // ECM-7: not re-priced to 24.50
        Assert.Equal("Pickup", order.GetProperty("lines")[0].GetProperty("fulfillment").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task ECM3_a_corrupt_payload_is_Process_Sale_Failed_with_the_raw_payload_kept_and_nothing_else()
    {
        var webhookId = $"wh_{Guid.NewGuid():N}";
        const string corrupt = """{"type":"order.created","order":{"number":"WEB-BROKEN","lines":"three shoes"}}""";
        await storefront.AcknowledgedAsync(corrupt, webhookId);

        var failed = await storefront.UntilStatusAsync($"ECM-web-webhook-{webhookId}", "ProcessSaleFailed", Principal.Operator);
        Assert.Equal(corrupt, failed.GetProperty("rawPayload").GetString());
        Assert.Equal(JsonValueKind.Null, failed.GetProperty("confirmationNumber").ValueKind);
        Assert.Equal(JsonValueKind.Null, failed.GetProperty("customerId").ValueKind);
        await Problems.AssertAsync(await platform.As(Principal.Operator).GetAsync("/api/orders/ecommerce/ECM-web-WEB-BROKEN"), HttpStatusCode.NotFound,
            "ecommerce.order_not_found");
    }

    [Fact]
    public async Task ECM2_an_unknown_e_mail_is_Customer_ID_Required_then_a_customer_created_by_hand_lets_it_proceed_and_matches_the_next_order()
    {
        var number = NewNumber();
        var email = $"new.{Guid.NewGuid():N}@example.com";
        var storefrontCustomer = $"cus_{number}";
        await storefront.AcknowledgedAsync(OrderCreated(number, email, storefrontCustomer, Line(SocksUpc, null, 1, 24.50m)));
        await storefront.UntilStatusAsync(IdOf(number), "CustomerIdRequired");

        var proceeded = await storefront.ActAsync(IdOf(number), "customer", new { create = true });

        Assert.Equal("New", proceeded.GetProperty("status").GetString());
        var customerId = proceeded.GetProperty("customerId").GetString()!;
        Assert.False(string.IsNullOrEmpty(proceeded.GetProperty("confirmationNumber").GetString()));

        // The same storefront customer's next order (another e-mail) is matched by the earlier one.
        var next = NewNumber();
        await storefront.AcknowledgedAsync(OrderCreated(next, $"other.{Guid.NewGuid():N}@example.com", storefrontCustomer, Line(SocksUpc, null, 1, 24.50m)));
        Assert.Equal(customerId, (await storefront.UntilStatusAsync(IdOf(next), "New")).GetProperty("customerId").GetString());
    }

    [Fact]
    public async Task ECM2_a_Customer_ID_Required_order_gets_the_customer_the_manager_finds_by_phone_surname_or_e_mail()
    {
        var number = NewNumber();
        await storefront.AcknowledgedAsync(OrderCreated(number, $"k.berg.{Guid.NewGuid():N}@example.net", null, Line(SocksUpc, null, 1, 24.50m)));
        await storefront.UntilStatusAsync(IdOf(number), "CustomerIdRequired");
        var manager = platform.As(Principal.HoustonManager);

        async Task<string[]> FoundAsync(string q) =>
            (await manager.GetFromJsonElementAsync($"/api/orders/ecommerce/customers?q={Uri.EscapeDataString(q)}"))
                .EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToArray();
        Assert.Contains("2001", await FoundAsync("713 555 0142")); // Karen Berg's phone, typed with other spaces than stored
        Assert.Contains("2001", await FoundAsync("berg")); // a word of her name
        Assert.Contains("2001", await FoundAsync("KAREN.BERG@example.com"));
        Assert.DoesNotContain("2001", await FoundAsync("erg"));
        using (var tooShort = await manager.GetAsync("/api/orders/ecommerce/customers?q=k"))
            Assert.Equal((400, "ecommerce.search_invalid"), ((int)tooShort.StatusCode, (await tooShort.ReadJsonAsync()).GetProperty("code").GetString()));
        using (var storefrontCaller = await platform.As(Principal.Merchandiser).GetAsync("/api/orders/ecommerce/customers?q=berg"))
            Assert.Equal(403, (int)storefrontCaller.StatusCode); // personal data: not a merchandiser's

        var picked = await storefront.ActAsync(IdOf(number), "customer", new { customerId = "2001" });

        Assert.Equal("New", picked.GetProperty("status").GetString());
        Assert.Equal("2001", picked.GetProperty("customerId").GetString());
    }

    [Fact]
    public async Task ECM2_a_matched_order_with_another_shipping_address_updates_that_and_the_marketing_consent_and_nothing_else()
    {
        // A customer created by hand from a first order: not accepting marketing, shipping to 1 Old Rd.
        var email = $"moving.{Guid.NewGuid():N}@example.com";
        var first = NewNumber();
        await storefront.AcknowledgedAsync(OrderFrom(DateTimeOffset.UtcNow, first,
            Customer(email, null, name: "Maria Lopez", phone: "+1 713 555 0111", acceptsMarketing: false, street: "1 Old Rd"), Line(SocksUpc, null, 1, 24.50m)));
        await storefront.UntilStatusAsync(IdOf(first), "CustomerIdRequired");
        var customerId = (await storefront.ActAsync(IdOf(first), "customer", new { create = true })).GetProperty("customerId").GetString()!;
        var before = await platform.As(Principal.Operator).GetFromJsonElementAsync($"/api/orders/customers/{customerId}");
        Assert.Equal(("1 Old Rd", false), (before.GetProperty("shippingAddress").GetProperty("line1").GetString(), before.GetProperty("marketingConsent").GetBoolean()));

        // The next order, matched by e-mail, comes with another address, name and phone, and accepts marketing.
        var next = NewNumber();
        await storefront.AcknowledgedAsync(OrderFrom(DateTimeOffset.UtcNow, next,
            Customer(email, null, name: "M. Lopez-Smith", phone: "+1 832 555 0199", acceptsMarketing: true, street: "9 New Ave"), Line(SocksUpc, null, 1, 24.50m)));
        Assert.Equal(customerId, (await storefront.UntilStatusAsync(IdOf(next), "New")).GetProperty("customerId").GetString());

        var after = await platform.As(Principal.Operator).GetFromJsonElementAsync($"/api/orders/customers/{customerId}");
        Assert.Equal("9 New Ave", after.GetProperty("shippingAddress").GetProperty("line1").GetString());
        Assert.True(after.GetProperty("marketingConsent").GetBoolean()); // recorded
        foreach (var kept in new[] { "id", "name", "type", "email", "phone", "addresses" })
            Assert.Equal(before.GetProperty(kept).ToString(), after.GetProperty(kept).ToString()); // nothing else is overwritten
    }

    [Fact]
    public async Task ECM1_the_queue_counts_an_order_that_needs_action_until_it_is_accepted()
    {
        async Task<int> NeedActionAsync() =>
            (await platform.As(Principal.HoustonManager).GetFromJsonElementAsync("/api/orders/ecommerce")).GetProperty("needAction").GetInt32();
        var number = NewNumber();
        // Houston's queue: the tests of this collection run one at a time and wait for their Houston orders, so nothing else
        // moves its count (an unreadable webhook names no store: it is only on an operator's queue).
        var before = await NeedActionAsync();

        await storefront.AcknowledgedAsync(OrderCreated(number, $"count.{Guid.NewGuid():N}@example.com", null, Line(SocksUpc, null, 1, 24.50m)));
        await storefront.UntilStatusAsync(IdOf(number), "CustomerIdRequired");
        Assert.Equal(before + 1, await NeedActionAsync());
        await storefront.ActAsync(IdOf(number), "customer", new { create = true });
        Assert.Equal(before + 1, await NeedActionAsync()); // New: to be accepted or rejected
        await storefront.ActAsync(IdOf(number), "status", new { status = "InProcess" });

        Assert.Equal(before, await NeedActionAsync());
    }

    [Fact]
    public async Task ECM4_a_line_matching_two_products_is_Product_Match_Failed_then_matched_by_hand_and_Process_Sale()
    {
        var number = NewNumber();
        await storefront.AcknowledgedAsync(OrderCreated(number, "karen.berg@example.com", null, Line(SocksUpc, BottlePartNumber, 1, 20.00m)));

        var failed = await storefront.UntilStatusAsync(IdOf(number), "ProductMatchFailed");
        Assert.Equal(["83010", "86002"], failed.GetProperty("lines")[0].GetProperty("candidates").EnumerateArray().Select(c => c.GetString()));
        var found = await platform.As(Principal.HoustonManager).GetFromJsonElementAsync($"/api/orders/ecommerce/products?q=00{SocksUpc}");
        Assert.Equal("83010", Assert.Single(found.EnumerateArray()).GetProperty("sku").GetString()); // by GTIN

        var matched = await storefront.ActAsync(IdOf(number), "lines/1/product", new { sku = "83010" });
        Assert.Equal("ProductMatchFailed", matched.GetProperty("status").GetString()); // nothing is sold until Process Sale
        var sold = await storefront.ActAsync(IdOf(number), "process-sale", new { });

        Assert.Equal("New", sold.GetProperty("status").GetString());
        var order = await storefront.CustomerOrderAsync(sold.GetProperty("confirmationNumber").GetString()!, "Confirmed");
        Assert.Equal("83010", order.GetProperty("lines")[0].GetProperty("sku").GetString());
    }

    [Fact]
    public async Task ECM4_a_product_registered_today_is_matched_by_its_vendor_part_number()
    {
        var sku = await new Orders.OrderApi(platform).NewProductAsync(15.00m, "HOUSTON", onHand: 3); // its identifiers reach Order with ProductRegistered
        var number = NewNumber();
        await storefront.AcknowledgedAsync(OrderCreated(number, "karen.berg@example.com", null, Line(null, $"VPN-{sku}", 1, 14.00m)));

        var order = await storefront.UntilStatusAsync(IdOf(number), "New");

        Assert.Equal(sku, order.GetProperty("lines")[0].GetProperty("sku").GetString());
    }

    [Fact]
    public async Task ECM1_the_same_webhook_twice_is_one_order_and_the_queue_counts_what_needs_action_for_its_store_only()
    {
        var number = NewNumber();
        var webhookId = $"wh_{Guid.NewGuid():N}";
        var payload = OrderCreated(number, $"nobody.{Guid.NewGuid():N}@example.com", null, Line(SocksUpc, null, 1, 24.50m));
        await storefront.AcknowledgedAsync(payload, webhookId);
        await storefront.AcknowledgedAsync(payload, webhookId, DateTimeOffset.UtcNow.AddSeconds(1)); // the storefront's retry, signed again
        await storefront.AcknowledgedAsync(payload); // the same order under another webhook id
        await storefront.UntilStatusAsync(IdOf(number), "CustomerIdRequired");

        var queue = await platform.As(Principal.HoustonManager).GetFromJsonElementAsync("/api/orders/ecommerce");
        var rows = queue.GetProperty("orders").EnumerateArray().Where(o => o.GetProperty("id").GetString() == IdOf(number)).ToList();
        Assert.Single(rows);
        Assert.True(queue.GetProperty("needAction").GetInt32() >= 1);
        Assert.All(queue.GetProperty("orders").EnumerateArray(), o => Assert.Equal("HOUSTON", o.GetProperty("storeId").GetString()));

        // Who may not: a plain cashier, a storefront, another store's cashier acting on a Houston order.
        await Problems.AssertAsync(await platform.As(Principal.HoustonCashier).GetAsync("/api/orders/ecommerce"), HttpStatusCode.Forbidden,
            "ecommerce.manager_required");
        await Problems.AssertAsync(await platform.As(Principal.Storefront).GetAsync("/api/orders/ecommerce"), HttpStatusCode.Forbidden, "auth.forbidden");
        await Problems.AssertAsync(await platform.As(Principal.SeattleCashier).PostAsJsonAsync($"/api/orders/ecommerce/{IdOf(number)}/customer",
            new { customerId = "2001" }), HttpStatusCode.Forbidden, "ecommerce.manager_required");
    }

    [Fact]
    public async Task ECM3_accepted_ready_and_picked_up_at_the_counter_the_order_is_paid_from_its_hold_and_leaves_the_queue()
    {
        var number = NewNumber();
        await storefront.AcknowledgedAsync(OrderCreated(number, "karen.berg@example.com", null, Line(SocksUpc, null, 1, 22.00m)));
        var confirmationNumber = (await storefront.UntilStatusAsync(IdOf(number), "New")).GetProperty("confirmationNumber").GetString()!;
        var sale = await storefront.CustomerOrderAsync(confirmationNumber, "Confirmed");

        // Recalled at the store's terminal like any order, as an online one (ORD-6).
        var found = await platform.As(Principal.HoustonCashier).GetFromJsonElementAsync($"/api/orders?confirmationNumber={confirmationNumber}");
        Assert.Equal("Online", Assert.Single(found.GetProperty("orders").EnumerateArray()).GetProperty("channel").GetString());

        await Problems.AssertAsync(await platform.As(Principal.HoustonManager).PostAsJsonAsync($"/api/orders/ecommerce/{IdOf(number)}/status",
            new { status = "Completed" }), HttpStatusCode.Conflict, "ecommerce.transition_invalid");
        await Problems.AssertAsync(await platform.As(Principal.HoustonManager).PostAsJsonAsync($"/api/orders/ecommerce/{IdOf(number)}/status",
            new { status = "Shipped" }), HttpStatusCode.BadRequest, "ecommerce.status_unknown");
        await storefront.ActAsync(IdOf(number), "status", new { status = "InProcess" });
        await storefront.ActAsync(IdOf(number), "status", new { status = "ReadyForPickup" });

        // Picked up at Houston's counter (PUP-4): the storefront's hold is captured for the locked price (PAY-3).
        var counter = new Fulfillment.FulfillmentApi(platform);
        await counter.CompletedAsync(await counter.PickupAsync(sale, "HOUSTON"), ("83010", 1));
        var paid = await storefront.CustomerOrderAsync(confirmationNumber, "Completed");
        Assert.Equal(22.00m, paid.GetProperty("payment").GetProperty("capturedAtFulfillment").GetDecimal());
        // PUP-9: the sale completed, the e-commerce order is Completed by itself; a manager's move after it is refused.
        await storefront.UntilStatusAsync(IdOf(number), "Completed", Principal.Operator);
        await Problems.AssertAsync(await platform.As(Principal.Operator).PostAsJsonAsync($"/api/orders/ecommerce/{IdOf(number)}/status",
            new { status = "Completed" }), HttpStatusCode.Conflict, "ecommerce.transition_invalid");

        var queue = await platform.As(Principal.Operator).GetFromJsonElementAsync("/api/orders/ecommerce");
        Assert.DoesNotContain(queue.GetProperty("orders").EnumerateArray(), o => o.GetProperty("id").GetString() == IdOf(number));
    }

    [Fact]
    public async Task ECM6_a_rejected_order_is_not_charged_its_hold_is_voided_a_zero_payment_recorded_and_it_is_Completed()
    {
        var number = NewNumber();
        await storefront.AcknowledgedAsync(OrderCreated(number, "karen.berg@example.com", null, Line(SocksUpc, null, 1, 24.50m)));
        var confirmationNumber = (await storefront.UntilStatusAsync(IdOf(number), "New")).GetProperty("confirmationNumber").GetString()!;
        await storefront.CustomerOrderAsync(confirmationNumber, "Confirmed");

        var rejected = await storefront.ActAsync(IdOf(number), "rejection", new { reason = "Out of stock before the order was processed" });

        Assert.Equal(("Completed", true), (rejected.GetProperty("status").GetString(), rejected.GetProperty("zeroPaymentRecorded").GetBoolean()));
        var cancelled = await storefront.CustomerOrderAsync(confirmationNumber, "Cancelled");
        Assert.Equal(0m, cancelled.GetProperty("cancellation").GetProperty("charge").GetDecimal());
        await Problems.AssertAsync(await platform.As(Principal.HoustonManager).PostAsJsonAsync($"/api/orders/ecommerce/{IdOf(number)}/rejection",
            new { reason = "again" }), HttpStatusCode.Conflict, "ecommerce.reject_invalid");
    }

    [Fact]
    public async Task ECM6_an_out_of_stock_order_the_sale_refuses_needs_action_and_rejected_is_not_charged_a_zero_payment_and_Completed()
    {
        var sku = await new Orders.OrderApi(platform).NewProductAsync(18.00m, "HOUSTON", onHand: 0); // nothing at Houston to reserve
        var number = NewNumber();
        await storefront.AcknowledgedAsync(OrderCreated(number, "karen.berg@example.com", null, Line(null, $"VPN-{sku}", 1, 18.00m)));

        // The sale is created (New), then the order saga rejects it at reservation: the e-commerce order says so and why.
        var refused = await storefront.UntilStatusAsync(IdOf(number), "ProcessSaleFailed");
        var confirmationNumber = refused.GetProperty("confirmationNumber").GetString()!;
        Assert.True(refused.GetProperty("saleRejected").GetBoolean());
        Assert.Contains(confirmationNumber, refused.GetProperty("problem").GetString());
        var queue = await platform.As(Principal.HoustonManager).GetFromJsonElementAsync("/api/orders/ecommerce");
        var row = queue.GetProperty("orders").EnumerateArray().Single(o => o.GetProperty("id").GetString() == IdOf(number));
        Assert.Equal(("ProcessSaleFailed", refused.GetProperty("problem").GetString()), (row.GetProperty("status").GetString(), row.GetProperty("problem").GetString()));
        Assert.True(queue.GetProperty("needAction").GetInt32() >= 1);

        var rejected = await storefront.ActAsync(IdOf(number), "rejection", new { reason = "Out of stock before the order was processed" });

        Assert.Equal(("Completed", true), (rejected.GetProperty("status").GetString(), rejected.GetProperty("zeroPaymentRecorded").GetBoolean()));
        // Not charged: the sale was rejected with its stock refused, no card hold was taken, nothing was captured.
        var sale = await storefront.CustomerOrderAsync(confirmationNumber, "Rejected");
        var payment = sale.GetProperty("payment");
        Assert.Equal((0m, 0m, 0m), (payment.GetProperty("depositPaid").GetDecimal(), payment.GetProperty("authorizedBalance").GetDecimal(),
            payment.GetProperty("capturedAtFulfillment").GetDecimal()));
        var history = sale.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Contains("stock_reservation_failed", history);
        Assert.DoesNotContain(history, type => type is "balance_authorized" or "deposit_captured" or "fulfillment_payment_captured");
        var reconciliation = await platform.As(Principal.Operator).GetFromJsonElementAsync($"/api/orders/{confirmationNumber}/reconciliation");
        Assert.True(reconciliation.GetProperty("agrees").GetBoolean(), reconciliation.ToString()); // the ledger and the processor say the same
        queue = await platform.As(Principal.HoustonManager).GetFromJsonElementAsync("/api/orders/ecommerce");
        Assert.DoesNotContain(queue.GetProperty("orders").EnumerateArray(), o => o.GetProperty("id").GetString() == IdOf(number));
        await Problems.AssertAsync(await platform.As(Principal.HoustonManager).PostAsJsonAsync($"/api/orders/ecommerce/{IdOf(number)}/rejection",
            new { reason = "again" }), HttpStatusCode.Conflict, "ecommerce.reject_invalid");
    }

    [Fact]
    public async Task ECM5_an_order_not_handled_within_4_business_hours_is_overdue_in_the_queue_and_notified()
    {
        // Placed three days ago: whatever Houston's hours, its 4 business hours have passed.
        var number = NewNumber();
        var placedAt = DateTimeOffset.UtcNow.AddDays(-3);
        await storefront.AcknowledgedAsync(OrderPlaced(placedAt, number, "karen.berg@example.com", null, Line(SocksUpc, null, 1, 24.50m)));

        var order = await storefront.UntilStatusAsync(IdOf(number), "New");
        var acceptBy = order.GetProperty("acceptBy").GetDateTimeOffset();
        var chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
        var due = TimeZoneInfo.ConvertTime(acceptBy, chicago);
        Assert.InRange(due.TimeOfDay, TimeSpan.FromHours(9), TimeSpan.FromHours(21)); // within the store's opening hours, its time zone
        Assert.True(acceptBy - placedAt >= TimeSpan.FromHours(4));
        var queue = await platform.As(Principal.HoustonManager).GetFromJsonElementAsync("/api/orders/ecommerce");
        Assert.True(queue.GetProperty("orders").EnumerateArray().Single(o => o.GetProperty("id").GetString() == IdOf(number)).GetProperty("overdue").GetBoolean());
        Assert.True(queue.GetProperty("overdue").GetInt32() >= 1);

        // The queue job notifies it once (ECM-5), and accepting it takes it off the overdue list.
        await Poll.UntilAsync(async () => (await platform.As(Principal.Operator).GetFromJsonElementAsync($"/api/orders/ecommerce/{IdOf(number)}"))
            .GetProperty("overdueAt").ValueKind == JsonValueKind.String, Deadline, "the overdue notification");
        await storefront.ActAsync(IdOf(number), "status", new { status = "InProcess" });
        queue = await platform.As(Principal.HoustonManager).GetFromJsonElementAsync("/api/orders/ecommerce");
        Assert.False(queue.GetProperty("orders").EnumerateArray().Single(o => o.GetProperty("id").GetString() == IdOf(number)).GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task ECM1_a_storefront_cancellation_webhook_cancels_the_sale_without_a_charge_and_completes_the_order()
    {
        var number = NewNumber();
        await storefront.AcknowledgedAsync(OrderCreated(number, "karen.berg@example.com", null, Line(SocksUpc, null, 1, 24.50m)));
        var confirmationNumber = (await storefront.UntilStatusAsync(IdOf(number), "New")).GetProperty("confirmationNumber").GetString()!;
        await storefront.CustomerOrderAsync(confirmationNumber, "Confirmed");

        await storefront.AcknowledgedAsync(JsonSerializer.Serialize(new { type = "order.cancelled", order = new { number } }));

        var completed = await storefront.UntilStatusAsync(IdOf(number), "Completed");
        Assert.Equal("Cancelled by the storefront.", completed.GetProperty("problem").GetString());
        var cancelled = await storefront.CustomerOrderAsync(confirmationNumber, "Cancelled");
        Assert.Equal(0m, cancelled.GetProperty("cancellation").GetProperty("charge").GetDecimal());
    }
}
