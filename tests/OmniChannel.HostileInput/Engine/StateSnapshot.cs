using Npgsql;

namespace OmniChannel.HostileInput.Engine;

/// <summary>
/// Everything the platform keeps, as a fingerprint per table: every service's schema in PostgreSQL (documents, event
/// streams, outbox and inbox, the processor emulator's records). Two equal snapshots mean nothing was written. Quartz's
/// own tables (qrtz_*, Pickup's print schedule and Inventory's storefront push) are left out: its cluster heartbeat and
/// next fire times change on its clock, not by a request; so is each store's print settings document, whose last print
/// time every 5-minute print slot sets (a write by a request there is a non-GET 2xx, reported on its own). What else a
/// scheduled job does lands in the service's own tables, which are compared.
/// </summary>
public sealed record StateSnapshot(IReadOnlyDictionary<string, string> Tables)
{
    public static async Task<StateSnapshot> TakeAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            """
            select quote_ident(table_schema) || '.' || quote_ident(table_name) from information_schema.tables
            where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
              and table_name not like 'qrtz\_%' and table_name <> 'mt_doc_printsettings' order by 1
            """, connection))
        await using (var reader = await list.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
                tables.Add(reader.GetString(0));

        var fingerprints = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            // Order-independent: the rows' own fingerprints, sorted.
            await using var fingerprint = new NpgsqlCommand(
                $"select count(*) || ':' || coalesce(md5(string_agg(h, '' order by h)), '') from (select md5(t::text) h from {table} t) rows", connection);
            fingerprints[table] = (string)(await fingerprint.ExecuteScalarAsync(ct))!;
        }
        return new StateSnapshot(fingerprints);
    }

    /// <summary>The tables whose rows differ.</summary>
    public IReadOnlyList<string> ChangedSince(StateSnapshot before) =>
        Tables.Keys.Union(before.Tables.Keys).Where(t => Tables.GetValueOrDefault(t) != before.Tables.GetValueOrDefault(t)).Order().ToList();

    /// <summary>
    /// A snapshot once the platform is at rest: the same twice in a row, a second apart. What earlier work left running
    /// (a saga finishing, a projection catching up) must not be taken for a change made by the hostile requests.
    /// </summary>
    public static async Task<StateSnapshot> AtRestAsync(string connectionString, TimeSpan deadline, CancellationToken ct)
    {
        var until = DateTime.UtcNow + deadline;
        var last = await TakeAsync(connectionString, ct);
        while (true)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), ct); // polling interval, not a wait for a result
            var next = await TakeAsync(connectionString, ct);
            if (next.ChangedSince(last).Count == 0)
                return next;
            if (DateTime.UtcNow > until)
                throw new TimeoutException($"The platform did not come to rest within {deadline}: {string.Join(", ", next.ChangedSince(last))} kept changing.");
            last = next;
        }
    }
}
