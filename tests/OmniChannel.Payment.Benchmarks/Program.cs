using OmniChannel.Benchmarking;
using OmniChannel.IntegrationTests.Infrastructure;
using OmniChannel.Payment.Benchmarks;

// Card tenders per second through the Payment-Token service, called as the Order service calls it (money moves only
// through the order, issue 12: the route is internal, for the services' identity): closed-loop callers authorize an
// online order's card, and take a store swipe that authorizes and captures at once, each call journaled in the order's
// event stream and answered over HTTP by the processor emulator (its own process, records in PostgreSQL). Captures of
// fulfilled goods are the order saga's messages; the order benchmark measures them end to end.
//
//   dotnet run -c Release --project tests/OmniChannel.Payment.Benchmarks -- [--terminals 8] [--seconds 20]
//
// It starts its own platform in this process (AppHost through Aspire.Hosting.Testing: free ports, its own PostgreSQL and
// RabbitMQ with a data folder deleted afterwards, no dashboard), so a developer's data is left alone;
// ConnectionStrings__postgres / __rabbitmq select other servers.
var terminals = Option("--terminals", 8);
var seconds = Option("--seconds", 20);

await using var platform = await Platform.StartAsync();
using var client = platform.Client(Principal.Service("order"), "payment"); // the Order service's token, as the Order service sends it
Console.WriteLine($"Payment-Token benchmark: {terminals} callers for {seconds} s at the payment service ({client.BaseAddress})");

var load = new Terminals(client);
await load.RunAsync(terminals, TimeSpan.FromSeconds(3)); // warm-up: JIT, pools, schema
var samples = await load.RunAsync(terminals, TimeSpan.FromSeconds(seconds));

var ok = samples.Where(s => s.Ok).ToList();
Console.WriteLine($"{"operation",-14} {"count",7} {"per s",8} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"failed",7}");
foreach (var group in samples.GroupBy(s => s.Operation))
{
    var times = group.Where(s => s.Ok).Select(s => s.Milliseconds).Order().ToArray();
    Console.WriteLine($"{group.Key,-14} {times.Length,7} {times.Length / (double)seconds,8:0.0} {Percentile(times, 0.50),8:0.0} " +
                      $"{Percentile(times, 0.95),8:0.0} {Percentile(times, 0.99),8:0.0} {group.Count(s => !s.Ok),7}");
}
Console.WriteLine($"card tenders per second: {ok.Count / (double)seconds:0.0}");
return samples.Any(s => !s.Ok) ? 1 : 0;

int Option(string name, int fallback) =>
    args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } value && int.TryParse(value, out var parsed) ? parsed : fallback;

static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
