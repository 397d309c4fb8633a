using System.Diagnostics;
using System.Net;
using System.Text.Json;
using JasperFx;
using Marten;
using Npgsql;
using OmniChannel.Benchmarking;
using OmniChannel.IntegrationTests.Infrastructure;
using OmniChannel.Order;
using OmniChannel.Order.Features.RecallOrders;
using Weasel.Core;

namespace OmniChannel.OrderBenchmark;

/// <summary>
/// ORD-6: search latency through the gateway with a million orders' summaries loaded.
/// <code>
///   dotnet build -c Release tests/OmniChannel.OrderBenchmark
///   dotnet artifacts/bin/OmniChannel.OrderBenchmark/release/OmniChannel.OrderBenchmark.dll --recall [--orders 1000000] [--queries 400]
/// </code>
/// It starts its own platform (as the order benchmark does), writes the summaries straight into the Order service's table
/// with Marten's bulk insert (COPY) through the service's own store configuration (OrderStore): a million orders through
/// the API and the saga would take hours on this machine, and the search reads only the summaries. Then VACUUM ANALYZE,
/// as autovacuum would after such a load, and for each query shape, as a HOUSTON cashier (its store's rights) and as an
/// operator (every order), a warm-up and then <c>--queries</c> searches one at a time, each with other values.
/// </summary>
public static class RecallBenchmark
{
    private sealed record Shape(string Name, Func<Random, string> Query);

    public static async Task RunAsync(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var count = int.Parse(Value("--orders") ?? "1000000");
        var queries = int.Parse(Value("--queries") ?? "400");
        Console.WriteLine($"OmniChannel recall benchmark (ORD-6): {count:N0} orders, {queries} searches per shape and principal; load {LoadAverage()}");

        await using var platform = await Platform.StartAsync();
        var data = new RecallData(count, DateTimeOffset.UtcNow);
        var houstonCustomers = await LoadAsync(platform.Postgres, data);

        var shapes = new[]
        {
            new Shape("by e-mail", random => $"email={Uri.EscapeDataString(Pick(random, houstonCustomers).Email)}"),
            new Shape("store + status + 30 days, page 1", random =>
            {
                var from = data.Now.AddDays(-random.Next(30, 730)).UtcDateTime;
                var status = random.Next(3) switch { 0 => "Confirmed", 1 => "Completed", _ => "Cancelled" };
                return $"storeId=HOUSTON&status={status}&from={from:yyyy-MM-dd}&to={from.AddDays(29):yyyy-MM-dd}";
            }),
            new Shape("by name prefix", random =>
            {
                var name = Pick(random, houstonCustomers).Name.Split(' ');
                return $"customerName={Uri.EscapeDataString($"{name[0]} {name[1][..2]}")}";
            }),
        };

        Console.WriteLine();
        Console.WriteLine($"{"shape",-34} {"as",-9} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8} {"rows",6} {"matched",8}");
        foreach (var shape in shapes)
        {
            foreach (var principal in new[] { Principal.HoustonCashier, Principal.Operator })
            {
                var client = platform.Client(principal);
                var random = new Random(shape.Name.Length * 31 + principal.Name.Length);
                await MeasureAsync(client, shape, random, Math.Max(50, queries / 4)); // warm-up: compiled, planned, cached
                var (latencies, rows, matched) = await MeasureAsync(client, shape, random, queries);
                var sorted = latencies.Order().ToList();
                Console.WriteLine($"{shape.Name,-34} {(principal == Principal.Operator ? "operator" : "cashier"),-9} {BareCommits.Percentile(sorted, 0.50),8:0.00} " +
                                  $"{BareCommits.Percentile(sorted, 0.95),8:0.00} {BareCommits.Percentile(sorted, 0.99),8:0.00} {sorted[^1],8:0.00} " +
                                  $"{rows,6:0.0} {matched,8:0.0}");
            }
        }
        Console.WriteLine();
        Console.WriteLine($"goal: p99 <= 20 ms through the gateway; load average now {LoadAverage()}");
    }

    private static async Task<(List<double> Latencies, double Rows, double Matched)> MeasureAsync(HttpClient gateway, Shape shape, Random random, int times)
    {
        var latencies = new List<double>(times);
        var (rows, matched) = (0L, 0L);
        for (var i = 0; i < times; i++)
        {
            var query = shape.Query(random);
            var started = Stopwatch.GetTimestamp();
            using var response = await gateway.GetAsync($"/api/orders?{query}");
            var body = await response.Content.ReadAsStringAsync();
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (response.StatusCode != HttpStatusCode.OK)
                throw new InvalidOperationException($"GET /api/orders?{query} answered {(int)response.StatusCode}: {body}");
            var page = JsonDocument.Parse(body).RootElement;
            rows += page.GetProperty("orders").GetArrayLength();
            matched += page.GetProperty("totalCount").GetInt32();
        }
        return (latencies, rows / (double)times, matched / (double)times);
    }

    /// <summary>Bulk-inserts the summaries into the running Order service's table; returns customers who ordered at HOUSTON.</summary>
    private static async Task<IReadOnlyList<RecallCustomer>> LoadAsync(string postgres, RecallData data)
    {
        await using var dataSource = NpgsqlDataSource.Create(postgres);
        await using var store = DocumentStore.For(options =>
        {
            // As the service's store (ServiceDefaults' AddMartenStore("orders", OrderStore.Configure)); its schema already exists.
            options.Connection(dataSource);
            options.UseSystemTextJsonForSerialization(EnumStorage.AsString);
            options.DatabaseSchemaName = "orders";
            options.Events.DatabaseSchemaName = "orders";
            options.AutoCreateSchemaObjects = AutoCreate.None;
            OrderStore.Configure(options);
        });
        var houston = new HashSet<RecallCustomer>();
        var clock = Stopwatch.StartNew();
        var loaded = 0;
        foreach (var batch in data.Batches(10_000, (summary, customer) =>
                 {
                     if (summary.StoreId == "HOUSTON" && houston.Count < 5_000)
                         houston.Add(customer);
                 }))
        {
            await store.BulkInsertAsync(batch, BulkInsertMode.InsertsOnly, batch.Length);
            loaded += batch.Length;
            if (loaded % 100_000 == 0)
                Console.WriteLine($"  {loaded:N0} summaries in {clock.Elapsed.TotalSeconds:0} s");
        }
        Console.WriteLine($"loaded {loaded:N0} summaries in {clock.Elapsed.TotalSeconds:0} s (Marten bulk insert, batches of 10,000)");

        clock.Restart();
        await using (var vacuum = dataSource.CreateCommand($"VACUUM ANALYZE orders.{OrderSummaryStorage.Table}"))
        {
            vacuum.CommandTimeout = 0;
            await vacuum.ExecuteNonQueryAsync();
        }
        await using (var size = dataSource.CreateCommand($"select pg_size_pretty(pg_total_relation_size('orders.{OrderSummaryStorage.Table}'))"))
            Console.WriteLine($"VACUUM ANALYZE in {clock.Elapsed.TotalSeconds:0} s; table and indexes: {await size.ExecuteScalarAsync()}");
        return houston.ToList();
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[..3] is var l ? string.Join(" ", l) : "";
}
