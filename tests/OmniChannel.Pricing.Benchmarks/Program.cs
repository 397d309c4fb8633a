using System.Diagnostics;
using OmniChannel.Pricing.Benchmarks;

// dotnet run -c Release --project tests/OmniChannel.Pricing.Benchmarks [gateway-url] [--seconds N] [--identity URL] [--details]
// Prices 20-line carts against 200 active discounts (20 of them overlapping mix-and-match): the engine alone on one
// thread pinned to CPU 0, then through the gateway when one answers at the URL (default http://127.0.0.1:8080), with
// tokens of the development principals from the platform's token service (--identity, default http://127.0.0.1:5100).
var seconds = args.SkipWhile(a => a != "--seconds").Skip(1).Select(double.Parse).FirstOrDefault(10);
var positional = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || args[i - 1] is not ("--seconds" or "--identity")));
var identity = new Uri(args.SkipWhile(a => a != "--identity").Skip(1).FirstOrDefault() ?? "http://127.0.0.1:5100");
var gateway = new Uri(positional.FirstOrDefault() ?? "http://127.0.0.1:8080");

if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
    Process.GetCurrentProcess().ProcessorAffinity = 1; // one core: CPU 0
Console.WriteLine($"Pricing benchmark: {BenchmarkCatalog.LinesPerCart}-line carts, {BenchmarkCatalog.Discounts().Count} active discounts " +
                  $"({BenchmarkCatalog.Discounts().Count(d => d.Type == OmniChannel.Pricing.Engine.Model.DiscountType.MixAndMatch)} mix-and-match), " +
                  $"{Environment.ProcessorCount} CPUs, pinned to CPU 0, .NET {Environment.Version}");

if (args.Contains("--details"))
{
    Details.Run();
    return 0;
}
var engine = EngineBenchmark.Run(warmUp: TimeSpan.FromSeconds(3), measure: TimeSpan.FromSeconds(seconds), variants: 16);
Console.WriteLine($"engine alone   {engine}");
var perCore = Math.Max(engine.CartsPerSecond, engine.CartsPerCpuSecond ?? 0);
Console.WriteLine($"engine target  >= 5,000 carts/s on one core: {(perCore >= 5000 ? "met" : "NOT met")}" +
                  (engine.CartsPerSecond < 5000 && perCore >= 5000 ? " per CPU-second; wall clock was lower, other processes shared CPU 0" : ""));
Console.WriteLine($"load average   {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a")}");

// Through the gateway the client needs no pinning: platform and client share this machine's CPUs.
if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
    Process.GetCurrentProcess().ProcessorAffinity = (1 << Environment.ProcessorCount) - 1;
return await GatewayBenchmark.RunAsync(gateway, identity, TimeSpan.FromSeconds(seconds));
