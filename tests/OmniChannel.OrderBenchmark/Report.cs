namespace OmniChannel.OrderBenchmark;

public static class Report
{
    public static void Print(BenchmarkOptions options, LoadResult load, ConfirmedResult confirmed, IReadOnlyDictionary<string, long> memory,
        CommitResult bareSequential, CommitResult bareConcurrent)
    {
        var sorted = load.LatenciesMs.Order().ToList();
        var p50 = BareCommits.Percentile(sorted, 0.50);
        var p99 = BareCommits.Percentile(sorted, 0.99);
        var confirmedPerSecond = confirmed.Confirmed / confirmed.FirstPostToLastConfirmation.TotalSeconds;

        Console.WriteLine();
        Console.WriteLine($"orders posted             {sorted.Count} accepted, {load.Errors} errors, in {load.Elapsed.TotalSeconds:0.0} s ({sorted.Count / load.Elapsed.TotalSeconds:0.0}/s)");
        Console.WriteLine($"confirmation latency      p50 {p50:0.00} ms   p99 {p99:0.00} ms   (POST /api/orders through the gateway, 202)");
        Console.WriteLine($"orders Confirmed          {confirmed.Confirmed} ({confirmed.Rejected} rejected, {confirmed.Unfinished} unfinished) in {confirmed.FirstPostToLastConfirmation.TotalSeconds:0.0} s = {confirmedPerSecond:0.0}/s");
        Console.WriteLine($"bare commit, 1 connection p50 {bareSequential.P50Ms:0.00} ms   p99 {bareSequential.P99Ms:0.00} ms   {bareSequential.PerSecond:0}/s");
        Console.WriteLine($"bare commit, {bareConcurrent.Connections} connections p50 {bareConcurrent.P50Ms:0.00} ms   p99 {bareConcurrent.P99Ms:0.00} ms   {bareConcurrent.PerSecond:0}/s");
        Console.WriteLine("peak memory (VmHWM)       " + string.Join("  ", memory.Select(m => $"{m.Key} {m.Value / 1024.0 / 1024.0:0} MiB")));
        Console.WriteLine();
        Console.WriteLine($"confirmation p99 / bare commit p99 (1 connection)   {p99 / bareSequential.P99Ms:0.00}   (target <= 3)");
        Console.WriteLine($"confirmed/s / bare commits/s (1 connection)         {confirmedPerSecond / bareSequential.PerSecond:0.00}   (target >= 0.25)");
    }
}
