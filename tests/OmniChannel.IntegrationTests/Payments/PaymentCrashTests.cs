using System.Diagnostics;
using OmniChannel.IntegrationTests.Fulfillment;
using OmniChannel.IntegrationTests.Infrastructure;
using static OmniChannel.IntegrationTests.Fulfillment.FulfillmentApi;
using static OmniChannel.IntegrationTests.Orders.OrderApi;
using static OmniChannel.IntegrationTests.Payments.PaymentApi;

namespace OmniChannel.IntegrationTests.Payments;

/// <summary>
/// A crash between the processor's answer and our commit neither loses nor doubles a capture: pickups are completed at the
/// counter, and while the order saga's capture messages are in flight the payment service is killed with SIGKILL; the
/// messages are redelivered to the restarted service and every order ends with exactly what was due captured, in the
/// ledger and at the processor, and its status agreeing with both.
/// </summary>
[Collection(PlatformCollection.Name)]
public class PaymentCrashTests(PlatformFixture platform)
{
    private const int Orders = 12;
    private readonly FulfillmentApi api = new(platform);

    [Fact]
    public async Task Every_capture_is_recorded_exactly_once_after_a_kill_9_of_the_payment_service()
    {
        var sku = await api.Orders.NewProductAsync(60.00m, "SEATTLE", onHand: Orders);
        var orders = new List<System.Text.Json.JsonElement>();
        for (var i = 0; i < Orders; i++)
            orders.Add(await api.ConfirmedAsync(Online("tok_visa_ok", PickupLine(sku, 1, "SEATTLE")))); // 60.00 authorized at checkout
        var pickups = new List<System.Text.Json.JsonElement>();
        foreach (var order in orders)
            pickups.Add(await api.PickupAsync(order, "SEATTLE"));
        var pid = platform.Platform.ServiceProcessId("payment");

        var completing = pickups.Select(pickup => api.CompletedAsync(pickup, (sku, 1))).ToList();
        await Task.WhenAny(completing);
        Process.GetProcessById(pid).Kill();
        var capturedBeforeTheKill = 0;
        foreach (var order in orders)
            if ((await api.OrderAsync(order)).GetProperty("status").GetString() == "Completed")
                capturedBeforeTheKill++;
        await Task.WhenAll(completing); // the counter does not wait for the payment
        await platform.Platform.StartAgainAsync("payment", pid, TimeSpan.FromSeconds(90)); // the dashboard's Start command

        Assert.True(capturedBeforeTheKill < Orders, "Every capture was done before the kill: it hit nothing in flight.");
        foreach (var order in orders)
        {
            await api.StatusAsync(order, "Completed");
            var ledger = await api.Payments.LedgerAsync(OrderId(order));
            Assert.Equal((60.00m, 0m), (Total(ledger, "captured"), Total(ledger, "openAuthorizations")));
            var reconciliation = await api.Payments.AssertReconcilesAsync(OrderId(order));
            Assert.Equal(60.00m, reconciliation.GetProperty("processor").GetProperty("captured").GetDecimal());
            await api.Payments.AssertOrderAgreesAsync(Number(order));
        }
        // The recovery job (which finishes calls nobody retries) ran on the restarted service without failing.
        Assert.DoesNotContain("Recovering journaled processor calls failed", await platform.Platform.ConsoleOutputAsync());
    }
}
