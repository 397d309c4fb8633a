using System.Diagnostics;
using Npgsql;

namespace OmniChannel.OrderBenchmark;

/// <summary>
/// Bare commits: their latency and their rate one at a time. Back to back (closed loop) the rate is counted; sampled
/// (one commit per interval) it is what one connection would do at that latency, 1000 / mean latency in ms.
/// </summary>
public sealed record CommitResult(int Connections, int Commits, TimeSpan Elapsed, double P50Ms, double P99Ms, double MeanMs, bool Sampled)
{
    public double PerSecond => Sampled ? Connections * 1000 / MeanMs : Commits / Elapsed.TotalSeconds;
}

/// <summary>The reference: a bare single-row INSERT, one commit each, on the same PostgreSQL server the platform uses.</summary>
public static class BareCommits
{
    /// <param name="interval">
    /// Null: back to back, as fast as the server answers (a connection then keeps a core busy: the client and its
    /// backend). Otherwise one commit per interval, so the reference does not take the CPU the platform under load needs.
    /// </param>
    public static async Task<CommitResult> MeasureAsync(string postgres, int connections, TimeSpan duration, TimeSpan? interval = null)
    {
        await using var dataSource = NpgsqlDataSource.Create(postgres);
        await using (var create = dataSource.CreateCommand("create table if not exists public.bench_bare_commit (id bigserial primary key, at timestamptz not null default now(), payload text)"))
            await create.ExecuteNonQueryAsync();

        var latencies = new List<double>[connections];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async c =>
        {
            var mine = latencies[c] = [];
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var insert = new NpgsqlCommand("insert into public.bench_bare_commit (payload) values ($1)", connection);
            insert.Parameters.Add(new NpgsqlParameter { Value = "x" });
            await insert.PrepareAsync();
            using var pacing = interval is { } every ? new PeriodicTimer(every) : null;
            while (clock.Elapsed < duration)
            {
                if (pacing is not null)
                    await pacing.WaitForNextTickAsync();
                var started = Stopwatch.GetTimestamp();
                await insert.ExecuteNonQueryAsync(); // autocommit: one transaction, one WAL flush
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));
        var all = latencies.SelectMany(l => l).Order().ToList();
        return new CommitResult(connections, all.Count, clock.Elapsed, Percentile(all, 0.50), Percentile(all, 0.99),
            all.Count == 0 ? double.NaN : all.Average(), Sampled: interval is not null);
    }

    /// <summary>
    /// Transactions committed in the platform's database so far, by all its services (PostgreSQL's statistics, which
    /// it publishes about once a second). The bare commits run in the same database and are counted too.
    /// </summary>
    public static async Task<long> DatabaseCommitsAsync(string postgres)
    {
        await using var dataSource = NpgsqlDataSource.Create(postgres);
        await using var command = dataSource.CreateCommand("select xact_commit from pg_stat_database where datname = current_database()");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
