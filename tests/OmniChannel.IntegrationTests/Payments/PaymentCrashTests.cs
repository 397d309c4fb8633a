using System.Diagnostics;
using System.Net;
using OmniChannel.IntegrationTests.Infrastructure;
using static OmniChannel.IntegrationTests.Payments.PaymentApi;

namespace OmniChannel.IntegrationTests.Payments;

/// <summary>
/// A crash between the processor's answer and our commit neither loses nor doubles a capture: the payment service is
/// killed with SIGKILL while captures are in flight, terminals retry with their Idempotency-Key, and every order ends
/// with exactly what was due captured, in the ledger and at the processor.
/// </summary>
[Collection(PlatformCollection.Name)]
public class PaymentCrashTests(PlatformFixture platform)
{
    private const int Orders = 20;
    private readonly PaymentApi payments = new(platform);

    [Fact]
    public async Task Every_capture_is_recorded_exactly_once_after_a_kill_9_of_the_payment_service()
    {
        var orders = Enumerable.Range(0, Orders).Select(_ => Guid.NewGuid()).ToList();
        foreach (var order in orders)
            await payments.TenderAsync(order, Tender("online", "tok_visa_ok", 100.00m));
        var pid = platform.Platform.ServiceProcessId("payment");
        var retried = 0;

        var capturing = orders.Select(async order =>
        {
            var key = $"pickup-{order:N}"; // the terminal's transaction id, the same on every retry
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (true)
            {
                try
                {
                    using var response = await payments.PostAsync(order, "captures", new { purpose = "pickup", amount = 60.00m }, key);
                    if (response.StatusCode == HttpStatusCode.OK)
                        return (await response.ReadJsonAsync()).GetProperty("captured").GetDecimal();
                    Interlocked.Increment(ref retried);
                    if ((int)response.StatusCode < 500 || DateTime.UtcNow > deadline)
                        throw new InvalidOperationException($"capture answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
                catch (Exception exception) when (exception is HttpRequestException { StatusCode: null } or TaskCanceledException && DateTime.UtcNow < deadline)
                {
                    Interlocked.Increment(ref retried);
                }
                await Task.Delay(200); // poll: the payment service is coming back
            }
        }).ToList();

        await Task.WhenAny(capturing);
        Process.GetProcessById(pid).Kill();
        await platform.Platform.StartAgainAsync("payment", pid, TimeSpan.FromSeconds(90)); // the dashboard's Start command

        Assert.All(await Task.WhenAll(capturing), captured => Assert.Equal(60.00m, captured));
        Assert.True(retried > 0, "The kill hit no capture in flight.");
        foreach (var order in orders)
        {
            var ledger = await payments.LedgerAsync(order);
            Assert.Equal((60.00m, 40.00m), (Total(ledger, "captured"), Total(ledger, "openAuthorizations")));
            var reconciliation = await payments.AssertReconcilesAsync(order);
            Assert.Equal(60.00m, reconciliation.GetProperty("processor").GetProperty("captured").GetDecimal());
        }
        // The recovery job (which finishes calls nobody retries) ran on the restarted service without failing.
        Assert.DoesNotContain("Recovering journaled processor calls failed", await platform.Platform.ConsoleOutputAsync());
    }
}
