using System.Diagnostics;
using System.Net.Http.Json;

namespace OmniChannel.Payment.Benchmarks;

public sealed record Sample(string Operation, double Milliseconds, bool Ok);

/// <summary>
/// Simulated callers, each in a closed loop as the Order service calls the Payment service: an online order's
/// authorization, then a store swipe that authorizes and captures at once (POST /internal/payments/orders/{id}/tenders),
/// each with its own Idempotency-Key.
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
                await TimeAsync("authorization", samples, () => PostAsync(order, new
                {
                    confirmationNumber = "BENCH", storeId = "HOUSTON", channel = "online", tenderTypeId = "CARD", cardTypeId = "VISA",
                    cardToken = "tok_bench", amount = 50.00m, currency = "USD",
                }));
                await TimeAsync("swipe+capture", samples, () => PostAsync(Guid.NewGuid(), new
                {
                    confirmationNumber = "BENCH", storeId = "HOUSTON", channel = "store", tenderTypeId = "CARD", cardTypeId = "VISA",
                    cardToken = "tok_bench", amount = 50.00m, captureAmount = 50.00m, purpose = "pickup", currency = "USD",
                }));
            }
            return samples;
        });
        return (await Task.WhenAll(runs)).SelectMany(s => s).ToList();
    }

    private async Task<HttpResponseMessage> PostAsync(Guid order, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/internal/payments/orders/{order}/tenders") { Content = JsonContent.Create(body) };
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
