namespace OmniChannel.OrderBenchmark;

public static class Report
{
    public static void Print(BenchmarkOptions options, LoadResult load, ConfirmedResult confirmed, IReadOnlyDictionary<string, long> memory,
        IReadOnlyDictionary<string, TimeSpan> cpu, long commits, CommitResult bare, CommitResult bareIdle)
    {
        var sorted = load.LatenciesMs.Order().ToList();
        var p50 = BareCommits.Percentile(sorted, 0.50);
        var p99 = BareCommits.Percentile(sorted, 0.99);
        var confirmedPerSecond = confirmed.Confirmed / confirmed.FirstPostToLastConfirmation.TotalSeconds;

        Console.WriteLine();
        Console.WriteLine($"orders posted             {sorted.Count} accepted, {load.Errors} errors, in {load.Elapsed.TotalSeconds:0.0} s ({sorted.Count / load.Elapsed.TotalSeconds:0.0}/s)");
        Console.WriteLine($"confirmation latency      p50 {p50:0.00} ms   p99 {p99:0.00} ms   (POST /api/orders through the gateway, 202)");
        Console.WriteLine($"orders Confirmed          {confirmed.Confirmed} ({confirmed.Rejected} rejected, {confirmed.Unfinished} unfinished) in {confirmed.FirstPostToLastConfirmation.TotalSeconds:0.0} s = {confirmedPerSecond:0.0}/s");
        var how = bare.Sampled ? $"{bare.Commits} sampled, one every 5 ms; rate = 1000 / mean {bare.MeanMs:0.000} ms" : "back to back";
        Console.WriteLine($"bare commit during load    p50 {bare.P50Ms:0.00} ms   p99 {bare.P99Ms:0.00} ms   {bare.PerSecond:0}/s   (single-row INSERT, one at a time, same server; {how})");
        Console.WriteLine($"bare commit, idle after    p50 {bareIdle.P50Ms:0.00} ms   p99 {bareIdle.P99Ms:0.00} ms   {bareIdle.PerSecond:0}/s   (back to back)");
        Console.WriteLine("peak memory (VmHWM)       " + string.Join("  ", memory.Select(m => $"{m.Key} {m.Value / 1024.0 / 1024.0:0} MiB")));
        var finished = Math.Max(1, confirmed.Confirmed + confirmed.Rejected);
        Console.WriteLine($"CPU per finished order    " + string.Join("  ", cpu.Where(c => c.Key != "machine")
            .Select(c => $"{c.Key} {c.Value.TotalMilliseconds / finished:0.00}")) + $"  (ms; machine busy {cpu["machine"].TotalMilliseconds / finished:0.00} ms)");
        Console.WriteLine($"PostgreSQL commits         {commits / (double)finished:0.0} per finished order (all services, bare commits excluded)");
        Console.WriteLine();
        Console.WriteLine($"confirmation p99 / bare commit p99 (same run)   {p99 / bare.P99Ms:0.00}   (target <= 3)");
        Console.WriteLine($"confirmed/s / bare commits/s (same run)         {confirmedPerSecond / bare.PerSecond:0.00}   (target >= 0.25)");
    }
}
