using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OmniChannel.Benchmarking;
using OmniChannel.IntegrationTests.Infrastructure;
using StandardWebhooks;

namespace OmniChannel.OrderBenchmark;

/// <summary>
/// Issue 14 point 10: signed storefront webhooks posted as fast as <c>--concurrency</c> senders can, through the gateway
/// (or, with <c>--direct</c>, the Order service's own port); prints webhooks acknowledged (202) per second and the time from
/// each webhook's post to its e-commerce order being New (sale created), read by polling the order as an operator
/// (<c>--ack-only</c>: the acknowledgements only, e.g. to profile the intake).
/// </summary>
public static class WebhookBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var count = Arg(args, "--count", 2000);
        var concurrency = Arg(args, "--concurrency", 32);
        var direct = args.Contains("--direct");
        await using var platform = await Platform.StartAsync(); // the gateway's per-client rate limit lifted (Platform.StartAsync)
        using var target = direct ? new HttpClient { BaseAddress = platform.Urls["order"] } : new HttpClient { BaseAddress = platform.Urls["gateway"] };
        var reader = platform.Client(Principal.Operator);
        var signer = new StandardWebhook(DevelopmentSecret());
        Console.WriteLine($"OmniChannel webhook benchmark: {count} order webhooks, {concurrency} senders, {(direct ? "the Order service's own port" : "through the gateway")}");

        // Every order takes one pair of socks at HOUSTON: receive enough first, or most sales are refused for stock.
        using var merchandiser = platform.Client(Principal.Merchandiser);
        using var receipt = await merchandiser.PostAsJsonAsync("/api/inventory/locations/HOUSTON/stock/83010/receipts",
            new { quantity = count + 100, reference = "webhook benchmark" });
        receipt.EnsureSuccessStatusCode();

        await SendAsync(target, signer, Numbers("WARM", 20), concurrency); // warm-up: every path compiled once
        var numbers = Numbers("BENCH", count);
        var clock = Stopwatch.StartNew();
        var (posted, acknowledged, errors) = await SendAsync(target, signer, numbers, concurrency);
        var ackSeconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"webhooks acknowledged     {acknowledged} (202), {errors} other answers, in {ackSeconds:0.00} s = {acknowledged / ackSeconds:0.0}/s");

        if (args.Contains("--ack-only")) // for profiling the intake: the processing of what was acknowledged is not waited for
            return;
        var toNew = new List<double>();
        var notNew = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        await Parallel.ForEachAsync(posted, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (order, ct) =>
        {
            var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 120;
            while (Stopwatch.GetTimestamp() < deadline)
            {
                using var response = await reader.GetAsync($"/api/orders/ecommerce/ECM-web-{order.Number}", ct);
                var status = response.IsSuccessStatusCode
                    ? JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("status").GetString()
                    : null;
                if (status == "New")
                {
                    lock (toNew)
                        toNew.Add(Stopwatch.GetElapsedTime(order.PostedAt).TotalMilliseconds);
                    return;
                }
                if (status is "ProcessSaleFailed" or "CustomerIdRequired" or "ProductMatchFailed")
                {
                    notNew.AddOrUpdate(status, 1, (_, n) => n + 1); // an answer, but not the one measured
                    return;
                }
                await Task.Delay(50, ct);
            }
        });
        var sorted = toNew.Order().ToList();
        Console.WriteLine($"webhook to New            {sorted.Count} of {posted.Count}: p50 {BareCommits.Percentile(sorted, 0.50):0} ms   p95 {BareCommits.Percentile(sorted, 0.95):0} ms   p99 {BareCommits.Percentile(sorted, 0.99):0} ms   (polled every 50 ms)");
        foreach (var (status, n) in notNew)
            Console.WriteLine($"not New                   {n} {status}");
    }

    private static List<string> Numbers(string prefix, int count) =>
        Enumerable.Range(0, count).Select(i => $"{prefix}-{Guid.NewGuid():N}"[..20]).ToList();

    private static async Task<(List<(string Number, long PostedAt)> Posted, int Acknowledged, int Errors)> SendAsync(HttpClient target,
        StandardWebhook signer, List<string> numbers, int concurrency)
    {
        var posted = new List<(string, long)>();
        var acknowledged = 0;
        var errors = 0;
        await Parallel.ForEachAsync(numbers, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (number, ct) =>
        {
            var id = $"wh_{Guid.NewGuid():N}";
            var at = DateTimeOffset.UtcNow;
            var payload = Payload(number, at);
            using var content = new StringContent(payload, Encoding.UTF8, "application/json");
            content.Headers.Add("webhook-id", id);
            content.Headers.Add("webhook-timestamp", at.ToUnixTimeSeconds().ToString());
            content.Headers.Add("webhook-signature", signer.Sign(id, at, payload));
            var postedAt = Stopwatch.GetTimestamp();
            using var response = await target.PostAsync("/api/storefronts/web/webhooks", content, ct);
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                Interlocked.Increment(ref acknowledged);
                lock (posted)
                    posted.Add((number, postedAt));
            }
            else
                Interlocked.Increment(ref errors);
        });
        return (posted, acknowledged, errors);
    }

    /// <summary>Karen Berg's order of socks (83010, by UPC) picked up at HOUSTON: matched in full, its sale created (New).</summary>
    private static string Payload(string number, DateTimeOffset placedAt) => JsonSerializer.Serialize(new
    {
        type = "order.created",
        order = new
        {
            number, placedAt, pickupStoreId = "HOUSTON", currency = "USD",
            customer = new { email = "karen.berg@example.com", name = "Karen Berg", acceptsMarketing = false },
            lines = new[] { new { upc = "012345678943", quantity = 1, unitPrice = 24.50m } },
            payment = new { cardTypeId = "VISA", cardToken = "tok_visa_ok" },
        },
    });

    private static int Arg(string[] args, string name, int fallback) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) ? value : fallback;

    private static string DevelopmentSecret() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "services", "Order", "appsettings.Development.json")))
            .RootElement.GetProperty("Storefronts").GetProperty("web").GetProperty("WebhookSecret").GetString()!;
}
