using System.Diagnostics;
using OmniChannel.Pricing.Engine;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.Pricing.Benchmarks;

/// <summary>The engine alone, on this thread: no I/O, no serialization.</summary>
public static class EngineBenchmark
{
    public static Figures Run(TimeSpan warmUp, TimeSpan measure, int variants)
    {
        var book = PriceBook.Compile(BenchmarkCatalog.Data());
        var carts = Enumerable.Range(0, variants).Select(BenchmarkCatalog.Cart).ToArray();
        var now = DateTimeOffset.UtcNow;

        var exact = carts.Count(cart => PricingEngine.Price(cart, book, BenchmarkCatalog.ProductsBySku, now).Value!.BestPriceExact);
        Loop(warmUp, _ => { });
        var latencies = new List<long>(1 << 20);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var elapsed = Loop(measure, latencies.Add);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        return Figures.From(latencies, elapsed, $"best price exact on {exact} of {variants} carts") with { CpuTime = cpu };

        TimeSpan Loop(TimeSpan duration, Action<long> record)
        {
            var started = Stopwatch.GetTimestamp();
            var until = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
            for (var i = 0; ; i++)
            {
                var before = Stopwatch.GetTimestamp();
                var priced = PricingEngine.Price(carts[i % carts.Length], book, BenchmarkCatalog.ProductsBySku, now);
                var after = Stopwatch.GetTimestamp();
                if (priced.Refusal is not null)
                    throw new InvalidOperationException(priced.Refusal.Detail);
                record(after - before);
                if (after >= until)
                    return Stopwatch.GetElapsedTime(started, after);
            }
        }
    }
}

/// <summary>
/// Carts per second of wall-clock time; with <see cref="CpuTime"/> (the engine run: this process's CPU time, GC
/// included), also carts per CPU-second, which other processes sharing the core cannot lower.
/// </summary>
public sealed record Figures(int Carts, TimeSpan Elapsed, double CartsPerSecond, TimeSpan P50, TimeSpan P99, string Note)
{
    public TimeSpan? CpuTime { get; init; }

    public double? CartsPerCpuSecond => CpuTime is { } cpu ? Carts / cpu.TotalSeconds : null;

    public static Figures From(List<long> ticks, TimeSpan elapsed, string note)
    {
        ticks.Sort();
        TimeSpan At(double q) => TimeSpan.FromSeconds((double)ticks[(int)Math.Min(ticks.Count - 1, q * ticks.Count)] / Stopwatch.Frequency);
        return new Figures(ticks.Count, elapsed, ticks.Count / elapsed.TotalSeconds, At(0.50), At(0.99), note);
    }

    public override string ToString() =>
        $"{Carts,9:N0} carts in {Elapsed.TotalSeconds:0.0} s  {CartsPerSecond,10:N0} carts/s  p50 {Micro(P50)}  p99 {Micro(P99)}  ({Note})" +
        (CartsPerCpuSecond is { } perCpu ? $"\n               {perCpu,10:N0} carts per CPU-second ({CpuTime!.Value.TotalSeconds:0.0} s of CPU in {Elapsed.TotalSeconds:0.0} s)" : "");

    private static string Micro(TimeSpan t) => t.TotalMilliseconds >= 10 ? $"{t.TotalMilliseconds,8:0.0} ms" : $"{t.TotalMicroseconds,8:0} µs";
}
