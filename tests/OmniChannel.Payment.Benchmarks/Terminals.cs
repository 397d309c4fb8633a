using System.Diagnostics;
using System.Net.Http.Json;

namespace OmniChannel.Payment.Benchmarks;

public sealed record Sample(string Operation, double Milliseconds, bool Ok);

/// <summary>
/// Simulated terminals, each in a closed loop: an online order's authorization (POST .../tenders), then its capture at
/// pickup with "use available payment method" (POST .../captures), each with its own Idempotency-Key.
/// </summary>
public sealed class Terminals(HttpClient client)
{
    public async Task<List<Sample>> RunAsync(int terminals, TimeSpan duration)
    {
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var runs = Enumerable.Range(0, terminals).Select(async _ =>
        {
            var samples = new List<Sample>();
            while (Stopwatch.GetTimestamp() < until)
            {
                var order = Guid.NewGuid();
                var authorized = await TimeAsync("authorization", samples, () => PostAsync(order, "tenders", new
                {
                    confirmationNumber = "BENCH", storeId = "HOUSTON", channel = "online", tenderTypeId = "CARD", cardTypeId = "VISA",
                    cardToken = "tok_bench", amount = 50.00m, currency = "USD",
                }));
                if (authorized)
                    await TimeAsync("capture", samples, () => PostAsync(order, "captures", new { purpose = "pickup", amount = 50.00m }));
            }
            return samples;
        });
        return (await Task.WhenAll(runs)).SelectMany(s => s).ToList();
    }

    private async Task<HttpResponseMessage> PostAsync(Guid order, string operation, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/payments/orders/{order}/{operation}") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        return await client.SendAsync(request);
    }

    private static async Task<bool> TimeAsync(string operation, List<Sample> samples, Func<Task<HttpResponseMessage>> send)
    {
        var started = Stopwatch.GetTimestamp();
        bool ok;
        try
        {
            using var response = await send();
            ok = response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            ok = false;
        }
        samples.Add(new Sample(operation, Stopwatch.GetElapsedTime(started).TotalMilliseconds, ok));
        return ok;
    }
}
