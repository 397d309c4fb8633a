using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using OmniChannel.IntegrationTests.Infrastructure;

namespace OmniChannel.OrderBenchmark;

public sealed record LoadResult(IReadOnlyList<double> LatenciesMs, IReadOnlyList<string> ConfirmationNumbers, int Errors, TimeSpan Elapsed);

public sealed record ConfirmedResult(int Confirmed, int Rejected, int Unfinished, TimeSpan FirstPostToLastConfirmation);

/// <summary>
/// Simulated store terminals: each posts orders at its share of the rate (open loop), as a register would, with a
/// cashier's token; the products of the run are a merchandiser's to register.
/// </summary>
public sealed class OrderDriver(HttpClient gateway, HttpClient merchandiser)
{
    /// <summary>A store's assortment for the run: every order takes one of these, round robin (a store sells many SKUs).</summary>
    public async Task<IReadOnlyList<string>> PrepareProductsAsync(int count)
    {
        var skus = new List<string>();
        for (var i = 0; i < count; i++)
            skus.Add(await PrepareProductAsync());
        return skus;
    }

    public async Task<string> PrepareProductAsync()
    {
        var sku = $"B{Random.Shared.Next(100000, 999999)}";
        (await merchandiser.PostAsJsonAsync("/api/inventory/products", new
        {
            sku, name = "Benchmark item", upc = Gtin.UpcFor('9', sku), vendorPartNumber = $"VPN-{sku}", basePrice = 10.00m, currency = "USD", discountable = true,
        })).EnsureSuccessStatusCode();
        (await merchandiser.PutAsJsonAsync($"/api/inventory/locations/HOUSTON/stock/{sku}", new { onHand = 10_000_000 })).EnsureSuccessStatusCode();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(await gateway.GetAsync($"/api/orders/products/{sku}")).IsSuccessStatusCode
               || !(await gateway.GetAsync($"/api/pricing/stores/HOUSTON/prices/{sku}")).IsSuccessStatusCode)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("Order and Pricing did not learn the benchmark product.");
            await Task.Delay(100); // poll
        }
        return sku;
    }

    public async Task<LoadResult> RunAsync(IReadOnlyList<string> skus, int terminals, double rate, int seconds, bool record)
    {
        var latencies = new ConcurrentBag<double>();
        var numbers = new ConcurrentBag<string>();
        var errors = 0;
        var perTerminal = rate / terminals;
        var total = (int)(perTerminal * seconds);
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, terminals).Select(async terminal =>
        {
            var inFlight = new List<Task>();
            for (var i = 0; i < total; i++)
            {
                // Open loop: the i-th order of this terminal is due at i / perTerminal seconds, however slow the last one was.
                var due = TimeSpan.FromSeconds(i / perTerminal);
                if (due > clock.Elapsed)
                    await Task.Delay(due - clock.Elapsed); // pacing, not a wait for a result
                inFlight.Add(PostOneAsync(terminal, skus[(i * terminals + terminal) % skus.Count], latencies, numbers, () => Interlocked.Increment(ref errors)));
            }
            await Task.WhenAll(inFlight);
        }));

        return record
            ? new LoadResult(latencies.ToList(), numbers.ToList(), errors, clock.Elapsed)
            : new LoadResult([], [], errors, clock.Elapsed);
    }

    private async Task PostOneAsync(int terminal, string sku, ConcurrentBag<double> latencies, ConcurrentBag<string> numbers, Action error)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
        {
            Content = JsonContent.Create(new
            {
                storeId = "HOUSTON", terminalId = $"BENCH-{terminal}", customerId = "2001",
                lines = new[] { new { sku, quantity = 1, fulfillment = new { type = "pickup", storeId = "HOUSTON" } } },
                deposit = new { tenderTypeId = "CARD", cardTypeId = "VISA", cardToken = "tok_bench" },
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await gateway.SendAsync(request);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if ((int)response.StatusCode != 202)
            {
                error();
                return;
            }
            latencies.Add(elapsed);
            numbers.Add(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("confirmationNumber").GetString()!);
        }
        catch (HttpRequestException)
        {
            error();
        }
    }

    /// <summary>Reads the orders' end states from the Order service's inline snapshots until all are final or time runs out.</summary>
    public async Task<ConfirmedResult> WaitForConfirmationsAsync(string postgres, IReadOnlyList<string> numbers, long startedTimestamp, TimeSpan timeout)
    {
        await using var dataSource = NpgsqlDataSource.Create(postgres);
        var deadline = DateTime.UtcNow + timeout;
        var firstPost = DateTime.UtcNow - Stopwatch.GetElapsedTime(startedTimestamp);
        while (true)
        {
            await using var command = dataSource.CreateCommand("""
                select count(*) filter (where data->>'Status' = 'Confirmed'),
                       count(*) filter (where data->>'Status' = 'Rejected'),
                       max(mt_last_modified) filter (where data->>'Status' in ('Confirmed', 'Rejected'))
                from orders.mt_doc_customerorder where id = any($1)
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = numbers.ToArray() });
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            var (confirmed, rejected) = ((int)reader.GetInt64(0), (int)reader.GetInt64(1));
            var last = reader.IsDBNull(2) ? DateTime.UtcNow : reader.GetFieldValue<DateTimeOffset>(2).UtcDateTime;
            if (confirmed + rejected == numbers.Count || DateTime.UtcNow > deadline)
                return new ConfirmedResult(confirmed, rejected, numbers.Count - confirmed - rejected, last - firstPost);
            await Task.Delay(250); // poll
        }
    }
}
