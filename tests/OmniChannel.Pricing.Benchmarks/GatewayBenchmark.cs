using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OmniChannel.Pricing.Benchmarks;

/// <summary>
/// The same carts through the gateway (HTTP/JSON, YARP, the Pricing service, Marten for the products): the benchmark's
/// 200 discounts and its loyalty program are written through Pricing's master-data API first (scoped to the benchmark
/// customer, so no one else's prices change) and deleted at the end.
/// </summary>
public static class GatewayBenchmark
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<int> RunAsync(Uri gateway, Uri identity, TimeSpan measure)
    {
        using var anonymous = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };
        if (!await ReadyAsync(anonymous))
        {
            Console.WriteLine($"through gateway skipped: no platform answered at {new Uri(gateway, "/health/ready")} " +
                              "(start one with `dotnet run --project AppHost -- --Gateway:RateLimits:PerSecond=1000000 " +
                              "--Gateway:RateLimits:Burst=1000000`, above the gateway's per-client limits, and pass its gateway URL)");
            return 0;
        }
        // The master data is a merchandiser's to write; the carts are priced as a terminal prices them.
        using var merchandiser = await DevelopmentTokens.ClientAsync(gateway, identity, "backOffice", "merchandising");
        using var client = await DevelopmentTokens.ClientAsync(gateway, identity, "terminals", "terminal-houston-1");

        var discounts = BenchmarkCatalog.Discounts();
        try
        {
            await SeedAsync(merchandiser, discounts);
            var carts = Enumerable.Range(0, 16).Select(BenchmarkCatalog.Cart).ToArray();
            await RunAsync(client, carts, 1, TimeSpan.FromSeconds(2));
            Console.WriteLine($"gateway, 1 in flight   {await RunAsync(client, carts, 1, measure)}");
            Console.WriteLine($"gateway, 8 in flight   {await RunAsync(client, carts, 8, measure)}");
            return 0;
        }
        finally
        {
            await CleanUpAsync(merchandiser, discounts);
        }
    }

    private static async Task<bool> ReadyAsync(HttpClient client)
    {
        try
        {
            using var response = await client.GetAsync("/health/ready");
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static async Task SeedAsync(HttpClient client, IReadOnlyList<Engine.Model.Discount> discounts)
    {
        using (var program = await client.PutAsJsonAsync($"/api/pricing/loyalty-programs/{BenchmarkCatalog.LoyaltyProgramId}",
                   BenchmarkCatalog.LoyaltyProgram, Json))
            program.EnsureSuccessStatusCode();
        foreach (var discount in discounts)
        {
            using var written = await client.PutAsJsonAsync($"/api/pricing/discounts/{discount.Id}", discount, Json);
            if (!written.IsSuccessStatusCode)
                throw new InvalidOperationException($"PUT discount {discount.Id}: {(int)written.StatusCode} {await written.Content.ReadAsStringAsync()}");
        }
    }

    private static async Task CleanUpAsync(HttpClient client, IReadOnlyList<Engine.Model.Discount> discounts)
    {
        foreach (var discount in discounts)
            (await client.DeleteAsync($"/api/pricing/discounts/{discount.Id}")).Dispose();
        (await client.DeleteAsync($"/api/pricing/loyalty-programs/{BenchmarkCatalog.LoyaltyProgramId}")).Dispose();
    }

    private static async Task<Figures> RunAsync(HttpClient client, Engine.Model.Cart[] carts, int inFlight, TimeSpan duration)
    {
        var bodies = carts.Select(c => JsonSerializer.Serialize(c, Json)).ToArray();
        var latencies = new List<long>();
        var exact = 0;
        var benchmarkDiscounts = 0L;
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        var until = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(async _ =>
        {
            while (Stopwatch.GetTimestamp() < until)
            {
                var body = bodies[(Interlocked.Increment(ref next) & int.MaxValue) % bodies.Length];
                var before = Stopwatch.GetTimestamp();
                using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
                using var response = await client.PostAsync("/api/pricing/carts/price", content);
                var text = await response.Content.ReadAsStringAsync();
                var after = Stopwatch.GetTimestamp();
                if (!response.IsSuccessStatusCode)
                    throw new InvalidOperationException($"POST /api/pricing/carts/price: {(int)response.StatusCode} {text}");
                lock (latencies)
                {
                    latencies.Add(after - before);
                    if (text.Contains("\"bestPriceExact\":true", StringComparison.Ordinal))
                        exact++;
                    benchmarkDiscounts += CountOf(text, "\"discountId\":\"BENCH-");
                }
            }
        }));
        var elapsed = Stopwatch.GetElapsedTime(started);
        return Figures.From(latencies, elapsed, $"best price exact on {100.0 * exact / latencies.Count:0}% of answers, " +
                                                $"{(double)benchmarkDiscounts / latencies.Count:0} line discounts per cart from the benchmark's discounts");
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
            count++;
        return count;
    }
}
