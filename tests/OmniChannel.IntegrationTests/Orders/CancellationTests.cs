using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using OmniChannel.IntegrationTests.Fulfillment;
using OmniChannel.IntegrationTests.Infrastructure;
using static OmniChannel.IntegrationTests.Orders.OrderApi;

namespace OmniChannel.IntegrationTests.Orders;

/// <summary>
/// Issue 13: cancellation as a terminal transaction (ORD-8: quote, commit, abandon), cancellation of an order not created
/// yet (ORD-10: accepted at once, applied by the job once the order exists, or left for an operator when it cannot be),
/// and force-completion of a transaction stuck in creation (ORD-11). This run's job looks every 2 s (PlatformFixture).
/// </summary>
[Collection(PlatformCollection.Name)]
public class CancellationTests(PlatformFixture platform)
{
    private readonly FulfillmentApi api = new(platform);

    private OrderApi Orders => api.Orders;

    private Task<HttpResponseMessage> PostAsync(string path, object? body, Principal? by = null, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString("N"));
        return platform.As(by ?? Principal.HoustonCashier).SendAsync(request);
    }

    private static async Task<JsonElement> ExpectAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
            return JsonDocument.Parse(body).RootElement.Clone();
        }
    }

    [Fact]
    public async Task ORD8_a_quote_changes_nothing_an_abandoned_quote_leaves_the_order_and_a_committed_one_cancels_it()
    {
        var sku = await Orders.NewProductAsync(50.00m, "HOUSTON", onHand: 2);
        var order = await api.ConfirmedAsync(FulfillmentApi.Store("tok_visa_ok", null, PickupLine(sku, 2, "HOUSTON"))); // 100.00, deposit 20.00
        var number = FulfillmentApi.Number(order);
        var quotes = $"/api/orders/{number}/cancellation-quotes";

        var quote = await ExpectAsync(await PostAsync(quotes, new { }), HttpStatusCode.Created);
        Assert.Equal((10m, 10.00m, 10.00m, 80.00m), (quote.GetProperty("chargePercent").GetDecimal(), quote.GetProperty("charge").GetDecimal(),
            quote.GetProperty("refund").GetDecimal(), quote.GetProperty("voided").GetDecimal()));
        Assert.Equal(order.GetProperty("history").GetArrayLength(), (await api.OrderAsync(order)).GetProperty("history").GetArrayLength());

        using (var abandoned = await platform.As(Principal.HoustonCashier).DeleteAsync($"{quotes}/{quote.GetProperty("id").GetString()}"))
            Assert.Equal(HttpStatusCode.NoContent, abandoned.StatusCode);
        await Problems.AssertAsync(await PostAsync($"{quotes}/{quote.GetProperty("id").GetString()}/commit", null), HttpStatusCode.Conflict,
            "cancellation.quote_closed");
        Assert.Equal("Confirmed", (await api.OrderAsync(order)).GetProperty("status").GetString());
        await api.StockAsync("HOUSTON", sku, (2, 2));

        var second = await ExpectAsync(await PostAsync(quotes, new { }), HttpStatusCode.Created);
        var commit = $"{quotes}/{second.GetProperty("id").GetString()}/commit";
        var accepted = await ExpectAsync(await PostAsync(commit, null, key: "T1-QCXL-1"), HttpStatusCode.Accepted);
        Assert.Equal(10.00m, accepted.GetProperty("charge").GetDecimal());
        await ExpectAsync(await PostAsync(commit, null, key: "T1-QCXL-1"), HttpStatusCode.Accepted); // the terminal's retry: the same answer
        order = await api.StatusAsync(order, "Cancelled");
        Assert.Equal(10.00m, order.GetProperty("cancellation").GetProperty("refunded").GetDecimal());
        await api.StockAsync("HOUSTON", sku, (2, 0));
    }

    [Fact]
    public async Task ORD8_a_quote_is_stale_once_the_order_changed_and_its_charge_adjustment_is_a_managers()
    {
        var sku = await Orders.NewProductAsync(40.00m, "HOUSTON", onHand: 1);
        var order = await api.ConfirmedAsync(FulfillmentApi.Store("tok_norecur_visa", null, PickupLine(sku, 1, "HOUSTON"))); // deposit 8.00 only
        var quotes = $"/api/orders/{FulfillmentApi.Number(order)}/cancellation-quotes";
        await Problems.AssertAsync(await PostAsync(quotes, new { chargePercent = 5m }), HttpStatusCode.Forbidden, "order.cancellation_charge_forbidden");
        await Problems.AssertAsync(await PostAsync(quotes, new { }, Principal.SeattleCashier), HttpStatusCode.Forbidden, "auth.other_store");
        var quote = await ExpectAsync(await PostAsync(quotes, new { chargePercent = 5m }, Principal.HoustonManager), HttpStatusCode.Created);

        await api.Payments.TenderAsync(FulfillmentApi.Number(order), Payments.PaymentApi.CardTender("tok_visa_second", 32.00m)); // the order changes

        await Problems.AssertAsync(await PostAsync($"{quotes}/{quote.GetProperty("id").GetString()}/commit", null, Principal.HoustonManager),
            HttpStatusCode.Conflict, "cancellation.quote_stale");
        Assert.Equal("Confirmed", (await api.OrderAsync(order)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task ORD10_a_cancellation_before_the_order_exists_is_accepted_at_once_and_applied_exactly_once_after_it_is_created()
    {
        var sku = await Orders.NewProductAsync(30.00m, "HOUSTON", onHand: 3);
        await SetDrillAsync(failing: true);
        string number;
        try
        {
            number = await Orders.PlaceAsync(Order("2001", "tok_visa_ok", PickupLine(sku, 2, "HOUSTON"))); // 60.00, deposit 12.00
            var path = $"/api/orders/{number}/cancellation";
            await Problems.AssertAsync(await PostAsync(path, new { }), HttpStatusCode.BadRequest, "cancellation.contact_required"); // HOUSTON asks
            await Problems.AssertAsync(await PostAsync(path, new { phone = "call me" }), HttpStatusCode.BadRequest, "contact.phone_invalid");
            var accepted = await ExpectAsync(await PostAsync(path, new { phone = "+1 713 555 0142", email = "karen.berg@example.com" }, key: "T1-ACXL-1"),
                HttpStatusCode.Accepted);
            Assert.True(accepted.GetProperty("asynchronous").GetBoolean());
            Assert.True((await ExpectAsync(await PostAsync(path, new { phone = "+1 713 555 0142", email = "karen.berg@example.com" }, key: "T1-ACXL-1"),
                HttpStatusCode.Accepted)).GetProperty("asynchronous").GetBoolean());
            await Problems.AssertAsync(await PostAsync(path, new { phone = "+1 713 555 0142" }), HttpStatusCode.Conflict, "order.cancellation_pending");
        }
        finally
        {
            await SetDrillAsync(failing: false);
        }

        // The sync job creates the order; the cancellation job then cancels it: deposit refunded less the charge, stock released.
        var cancelled = await Orders.StatusAsync(number, TimeSpan.FromSeconds(90), "Cancelled");
        Assert.Equal((6.00m, 6.00m), (cancelled.GetProperty("cancellation").GetProperty("refunded").GetDecimal(),
            cancelled.GetProperty("cancellation").GetProperty("retained").GetDecimal()));
        Assert.Single(cancelled.GetProperty("history").EnumerateArray(), e => e.GetProperty("type").GetString() == "cancellation_requested");
        await api.StockAsync("HOUSTON", sku, (3, 0));
        var applied = (await QueueAsync("applied")).Single(c => c.GetProperty("confirmationNumber").GetString() == number);
        Assert.Equal("karen.berg@example.com", applied.GetProperty("contact").GetProperty("email").GetString());
    }

    [Fact]
    public async Task ORD10_a_cancellation_the_order_can_no_longer_take_is_a_permanent_failure_an_operator_sees_and_resolves()
    {
        var sku = await Orders.NewProductAsync(25.00m, "HOUSTON", onHand: 2);
        await SetDrillAsync(failing: true);
        string number;
        try
        {
            number = await Orders.PlaceAsync(Order("2001", "tok_visa_ok", CarryOutLine(sku, 1))); // carried out at once: fulfilled when created
            await ExpectAsync(await PostAsync($"/api/orders/{number}/cancellation", new { email = "karen.berg@example.com" }), HttpStatusCode.Accepted);
        }
        finally
        {
            await SetDrillAsync(failing: false);
        }

        var failed = await Poll.UntilValueAsync<JsonElement>(async () =>
            (await QueueAsync("failed")).FirstOrDefault(c => c.GetProperty("confirmationNumber").GetString() == number) is { ValueKind: JsonValueKind.Object } f
                ? f : null, TimeSpan.FromSeconds(90), $"the cancellation of {number} to fail permanently");
        Assert.Equal(("Permanent", "karen.berg@example.com"), (failed.GetProperty("failureKind").GetString(),
            failed.GetProperty("contact").GetProperty("email").GetString()));
        Assert.Contains(failed.GetProperty("failureCode").GetString(), new[] { "order.completed", "order.partially_fulfilled", "order.fulfilled" });
        Assert.Equal("Completed", (await Orders.GetAsync(number)).GetProperty("status").GetString()); // the order is as it was

        var operatorAtOrder = platform.As(Principal.Operator, "order-worker");
        await Problems.AssertAsync(await operatorAtOrder.PostAsJsonAsync($"/operations/async-cancellations/{number}/resolution", new { note = "" }),
            HttpStatusCode.BadRequest, "resolution.note_required");
        await Problems.AssertAsync(await platform.As(Principal.HoustonManager, "order-worker").PostAsJsonAsync($"/operations/async-cancellations/{number}/resolution",
            new { note = "refunded by hand" }), HttpStatusCode.Forbidden, "auth.forbidden");
        var command = await platform.Platform.ExecuteCommandAsync("order-worker", "resolve-cancellation", ("confirmationNumber", number),
            ("note", "Called the customer; the goods were returned and refunded at the till."));
        Assert.True(command.Success, command.Message);
        Assert.Contains(await QueueAsync("resolved"), c => c.GetProperty("confirmationNumber").GetString() == number);
        Assert.DoesNotContain(await QueueAsync("incomplete"), c => c.GetProperty("confirmationNumber").GetString() == number);
    }

    [Fact]
    public async Task ORD10_a_kill_9_of_the_worker_while_cancellations_are_applied_applies_each_exactly_once()
    {
        const int Count = 12;
        var sku = await Orders.NewProductAsync(20.00m, "HOUSTON", onHand: Count);
        var numbers = new List<string>();
        await SetDrillAsync(failing: true);
        try
        {
            for (var i = 0; i < Count; i++)
            {
                var number = await Orders.PlaceAsync(Order("2001", "tok_visa_ok", PickupLine(sku, 1, "HOUSTON")));
                await ExpectAsync(await PostAsync($"/api/orders/{number}/cancellation", new { phone = "+1 713 555 0142" }), HttpStatusCode.Accepted);
                numbers.Add(number);
            }
        }
        finally
        {
            await SetDrillAsync(failing: false);
        }

        // The worker creates the orders and applies the cancellations; it is killed as soon as the first is applied.
        var worker = platform.Platform.ServiceProcessId("order-worker");
        await Poll.UntilAsync(async () => (await QueueAsync("applied")).Any(c => numbers.Contains(c.GetProperty("confirmationNumber").GetString()!)),
            TimeSpan.FromSeconds(90), "a first cancellation to be applied");
        // Read before the kill: the queue is the worker's own route. At most this many were applied when it died.
        var appliedBeforeTheKill = (await QueueAsync("applied")).Count(c => numbers.Contains(c.GetProperty("confirmationNumber").GetString()!));
        try
        {
            System.Diagnostics.Process.GetProcessById(worker).Kill();
        }
        finally
        {
            await platform.Platform.StartAgainAsync("order-worker", worker, TimeSpan.FromSeconds(90)); // the dashboard's Start command
        }

        foreach (var number in numbers)
        {
            var cancelled = await Orders.StatusAsync(number, TimeSpan.FromSeconds(90), "Cancelled");
            Assert.Single(cancelled.GetProperty("history").EnumerateArray(), e => e.GetProperty("type").GetString() == "cancellation_requested");
            Assert.DoesNotContain(cancelled.GetProperty("history").EnumerateArray(), e => e.GetProperty("type").GetString() == "cancellation_refused");
        }
        Assert.True(appliedBeforeTheKill < Count, "Every cancellation was applied before the kill: it hit nothing in flight.");
        Assert.Equal(Count, (await QueueAsync("applied")).Count(c => numbers.Contains(c.GetProperty("confirmationNumber").GetString()!)));
        await api.StockAsync("HOUSTON", sku, (Count, 0));
    }

    [Fact]
    public async Task A_message_that_arrives_after_the_saga_ended_is_recorded_on_the_order_not_left_in_the_error_queue()
    {
        var sku = await Orders.NewProductAsync(15.00m, "HOUSTON", onHand: 1);
        var order = await api.ConfirmedAsync(FulfillmentApi.Store("tok_visa_ok", null, PickupLine(sku, 1, "HOUSTON")));
        await ExpectAsync(await PostAsync($"/api/orders/{FulfillmentApi.Number(order)}/cancellation", new { }), HttpStatusCode.Accepted);
        order = await api.StatusAsync(order, "Cancelled");

        // A pickup completion that crossed the cancellation, as the Pickup service would publish it.
        await platform.PublishAsync(new Contracts.Pickup.PickupCompleted
        {
            OrderId = FulfillmentApi.OrderId(order), ConfirmationNumber = FulfillmentApi.Number(order), PickupId = Guid.NewGuid(), StoreId = "HOUSTON",
            FulfillmentId = $"pickup.{Guid.NewGuid():N}", Lines = [new Contracts.Pickup.PickupLine { LineId = 1, Sku = sku, Quantity = 1 }],
            CompletedAt = DateTimeOffset.UtcNow,
        });

        var recorded = await api.UntilAsync(order, o => FulfillmentApi.History(o).Contains("late_message_recorded"), "the late pickup to be recorded");
        Assert.Equal("Cancelled", recorded.GetProperty("status").GetString());
        Assert.Empty(recorded.GetProperty("fulfillments").EnumerateArray());
    }

    [Fact]
    public async Task ORD11_a_transaction_stuck_in_creation_is_force_completed_and_created_asynchronously()
    {
        var sku = await Orders.NewProductAsync(10.00m, "HOUSTON", onHand: 1);
        string number;
        await SetDrillAsync(failing: true);
        try
        {
            number = await Orders.PlaceAsync(Order("2001", "tok_visa_ok", PickupLine(sku, 1, "HOUSTON")));
            var forced = await ExpectAsync(await PostAsync($"/api/orders/{number}/force-completion", null), HttpStatusCode.Accepted);
            Assert.Equal("Pending", forced.GetProperty("status").GetString());
            await Problems.AssertAsync(await PostAsync($"/api/orders/{number}/force-completion", null, Principal.SeattleCashier),
                HttpStatusCode.Forbidden, "auth.other_store");
        }
        finally
        {
            await SetDrillAsync(failing: false);
        }
        Assert.Equal("Confirmed", (await Orders.EndStateAsync(number)).GetProperty("status").GetString());
        await Problems.AssertAsync(await PostAsync($"/api/orders/{number}/force-completion", null), HttpStatusCode.Conflict, "order.created");
    }

    [Fact]
    public async Task The_process_now_command_runs_the_cancellation_job_and_the_queue_is_an_operators()
    {
        var run = await platform.Platform.ExecuteCommandAsync("order-worker", "async-cancellations");
        Assert.True(run.Success, run.Message);
        Assert.Contains("applied", run.Message);
        using (var gateway = await platform.As(Principal.Operator).GetAsync("/api/orders/operations/async-cancellations"))
            Assert.Equal(HttpStatusCode.NotFound, gateway.StatusCode);
        await Problems.AssertAsync(await platform.As(Principal.HoustonManager, "order-worker").GetAsync("/operations/async-cancellations"),
            HttpStatusCode.Forbidden, "auth.forbidden");
        await Problems.AssertAsync(await platform.As(Principal.Operator, "order-worker").GetAsync("/operations/async-cancellations?status=everything"),
            HttpStatusCode.BadRequest, "status.unknown");
    }

    private async Task<IReadOnlyList<JsonElement>> QueueAsync(string status) =>
        (await platform.As(Principal.Operator, "order-worker").GetFromJsonElementAsync($"/operations/async-cancellations?status={status}")).EnumerateArray().ToList();

    /// <summary>The dashboard's "Real-time failure drill": orders wait for the sync job, as in a batch-mode store.</summary>
    private async Task SetDrillAsync(bool failing)
    {
        var result = await platform.Platform.ExecuteCommandAsync("order", "real-time-drill", ("failing", failing ? "true" : "false"));
        Assert.True(result.Success, result.Message);
    }
}
