using System.Diagnostics;
using OmniChannel.Benchmarking;
using OmniChannel.OrderBenchmark;
using OmniChannel.IntegrationTests.Infrastructure;

// Drives customer orders through the gateway from several simulated terminals at a chosen rate and prints
// confirmation latency, confirmed orders per second, peak memory per process, and, in the same run and on the same
// PostgreSQL, the latency and rate of a bare single-row commit: the reference the order figures are compared with.
//
//   dotnet run -c Release --project tests/OmniChannel.OrderBenchmark -- [--terminals 4] [--rate 100] [--seconds 20] [--skus 20] [--reference closed]
//
// It starts its own platform in this process (AppHost through Aspire.Hosting.Testing: free ports, its own PostgreSQL and
// RabbitMQ with a data folder deleted afterwards, no dashboard), so a developer's data is left alone;
// ConnectionStrings__postgres / __rabbitmq select other servers.
// `--recall`: ORD-6's search benchmark instead (RecallBenchmark.cs).
if (args.Contains("--recall"))
{
    await RecallBenchmark.RunAsync(args);
    return;
}
// `--webhooks [--count 2000] [--concurrency 32] [--direct]`: issue 14's storefront webhooks instead (WebhookBenchmark.cs).
if (args.Contains("--webhooks"))
{
    await WebhookBenchmark.RunAsync(args);
    return;
}

var options = BenchmarkOptions.Parse(args);
Console.WriteLine($"OmniChannel order benchmark: {options.Terminals} terminals, {options.Rate} orders/s for {options.Seconds} s, {options.Skus} SKUs");

await using var platform = await Platform.StartAsync();
var orders = new OrderDriver(platform.Gateway, platform.Client(Principal.Merchandiser));
var skus = await orders.PrepareProductsAsync(options.Skus);
// Warm-up: every code path of every service runs (and is compiled: no tiered JIT) and finishes before the measurement.
var warmUp = await orders.RunAsync(skus, options.Terminals, rate: 20, seconds: 3, record: true);
await orders.WaitForConfirmationsAsync(platform.Postgres, warmUp.ConfirmationNumbers, Stopwatch.GetTimestamp(), TimeSpan.FromSeconds(60));

// The reference runs beside the load, one commit at a time on its own connection: same server, same moment. Sampled
// (a commit every 5 ms) unless --reference closed: back to back it would take a core from the platform it is compared with.
var cpuBefore = platform.CpuTime();
var commitsBefore = await BareCommits.DatabaseCommitsAsync(platform.Postgres);
var started = Stopwatch.GetTimestamp();
var bareDuringLoad = BareCommits.MeasureAsync(platform.Postgres, connections: 1, TimeSpan.FromSeconds(options.Seconds),
    options.ClosedLoopReference ? null : TimeSpan.FromMilliseconds(5));
var load = await orders.RunAsync(skus, options.Terminals, options.Rate, options.Seconds, record: true);
var bare = await bareDuringLoad;
var confirmed = await orders.WaitForConfirmationsAsync(platform.Postgres, load.ConfirmationNumbers, started, TimeSpan.FromSeconds(options.Seconds * 4 + 60));
var cpuAfter = platform.CpuTime();
await Task.Delay(TimeSpan.FromSeconds(1.5)); // PostgreSQL publishes its statistics about once a second
var commits = await BareCommits.DatabaseCommitsAsync(platform.Postgres) - commitsBefore - bare.Commits;
var cpu = cpuAfter.ToDictionary(c => c.Key, c => c.Value - cpuBefore.GetValueOrDefault(c.Key));
var memory = platform.PeakMemoryByProcess();
var bareIdle = await BareCommits.MeasureAsync(platform.Postgres, connections: 1, TimeSpan.FromSeconds(5));

Report.Print(options, load, confirmed, memory, cpu, commits, bare, bareIdle);
