using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace OmniChannel.ProcessorEmulator;

/// <summary>
/// The emulator's storage in PostgreSQL schema <c>processor_emulator</c>, in its own process and transactions: it
/// commits whatever happens to the payment service's sessions afterwards, as a remote acquirer would.
/// </summary>
public sealed class PostgresProcessorStore(NpgsqlDataSource dataSource) : IProcessorStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SemaphoreSlim schemaLock = new(1, 1);
    private volatile bool schemaReady;

    public async Task<ProcessorResult> RunOnceAsync(string merchantId, string key, string fingerprint,
        Func<IProcessorRecords, Task<ProcessorResult>> operation, CancellationToken ct)
    {
        await EnsureSchemaAsync(ct);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        // Claims the key: a concurrent call with the same key waits on this row until the first one ends. The claim and
        // the answer commit together, so a key someone else holds already has its answer.
        var claimed = await ExecuteAsync(connection, "insert into processor_emulator.operations (merchant_id, key, fingerprint, created_at) " +
                                                     "values ($1, $2, $3, now()) on conflict do nothing", ct, merchantId, key, fingerprint) == 1;
        if (!claimed)
        {
            await using var select = Command(connection, "select fingerprint, answer from processor_emulator.operations " +
                                                         "where merchant_id = $1 and key = $2 for update", merchantId, key);
            await using var reader = await select.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            if (!reader.IsDBNull(1))
            {
                var (kept, answer) = (reader.GetString(0), JsonSerializer.Deserialize<ProcessorResult>(reader.GetString(1), Json)!);
                return kept == fingerprint
                    ? answer
                    : ProcessorResult.Decline("idempotency.key_reused", $"Key {key} was used for another request.");
            }
        }

        var records = new Records(connection);
        var result = await operation(records);
        // The records written and the answer: one round trip, then the commit.
        await using var writes = records.Writes();
        writes.BatchCommands.Add(BatchCommand("update processor_emulator.operations set answer = $3 where merchant_id = $1 and key = $2",
            merchantId, key, Jsonb(result)));
        await writes.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
        return result;
    }

    public async Task<T?> FindAsync<T>(string id, CancellationToken ct) where T : class
    {
        await EnsureSchemaAsync(ct);
        await using var command = dataSource.CreateCommand("select body from processor_emulator.records where kind = $1 and id = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = typeof(T).Name });
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        return await command.ExecuteScalarAsync(ct) is string body ? JsonSerializer.Deserialize<T>(body, Json) : null;
    }

    public async Task<IReadOnlyList<ProcessorOperation>> OperationsAsync(string merchantId, string keyPrefix, CancellationToken ct)
    {
        await EnsureSchemaAsync(ct);
        await using var command = dataSource.CreateCommand("select key, fingerprint, answer from processor_emulator.operations " +
                                                           "where merchant_id = $1 and starts_with(key, $2) and answer is not null order by created_at");
        command.Parameters.Add(new NpgsqlParameter { Value = merchantId });
        command.Parameters.Add(new NpgsqlParameter { Value = keyPrefix });
        var operations = new List<ProcessorOperation>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            operations.Add(new(merchantId, reader.GetString(0), reader.GetString(1), JsonSerializer.Deserialize<ProcessorResult>(reader.GetString(2), Json)!));
        return operations;
    }

    private async Task EnsureSchemaAsync(CancellationToken ct)
    {
        if (schemaReady)
            return;
        await schemaLock.WaitAsync(ct);
        try
        {
            if (schemaReady)
                return;
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            // Serialized across instances: CREATE ... IF NOT EXISTS alone races on the catalog. A transaction-level
            // lock, so a failure cannot leave it held by a pooled connection.
            await ExecuteAsync(connection, """
                begin;
                select pg_advisory_xact_lock(hashtext('processor_emulator'));
                create schema if not exists processor_emulator;
                create table if not exists processor_emulator.operations (
                    merchant_id text not null, key text not null, fingerprint text not null, answer jsonb,
                    created_at timestamptz not null, primary key (merchant_id, key));
                create table if not exists processor_emulator.records (
                    kind text not null, id text not null, body jsonb not null, primary key (kind, id));
                commit;
                """, ct);
            schemaReady = true;
        }
        finally
        {
            schemaLock.Release();
        }
    }

    private static NpgsqlParameter Jsonb<T>(T value) => new() { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = JsonSerializer.Serialize(value, Json) };

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params object[] values)
    {
        var command = new NpgsqlCommand(sql, connection);
        AddParameters(command.Parameters, values);
        return command;
    }

    private static NpgsqlBatchCommand BatchCommand(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        AddParameters(command.Parameters, values);
        return command;
    }

    /// <summary>$1, $2, … in order: a value as is, or a parameter already typed (jsonb).</summary>
    private static void AddParameters(NpgsqlParameterCollection parameters, object[] values)
    {
        foreach (var value in values)
            parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value });
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct, params object[] values)
    {
        await using var command = Command(connection, sql, values);
        return await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Reads lock their row for the operation; writes are kept and stored in one batch with the answer.</summary>
    private sealed class Records(NpgsqlConnection connection) : IProcessorRecords
    {
        private readonly Dictionary<(string Kind, string Id), object> written = [];

        public async Task<T?> GetAsync<T>(string id) where T : class
        {
            if (written.TryGetValue((typeof(T).Name, id), out var pending))
                return (T)pending;
            await using var command = Command(connection, "select body from processor_emulator.records where kind = $1 and id = $2 for update",
                typeof(T).Name, id);
            return await command.ExecuteScalarAsync() is string body ? JsonSerializer.Deserialize<T>(body, Json) : null;
        }

        public void Put<T>(string id, T record) where T : class => written[(typeof(T).Name, id)] = record;

        /// <summary>A batch of the upserts of what was written, for the caller to add to and run.</summary>
        public NpgsqlBatch Writes()
        {
            var batch = new NpgsqlBatch(connection);
            foreach (var ((kind, id), record) in written)
                batch.BatchCommands.Add(BatchCommand("insert into processor_emulator.records (kind, id, body) values ($1, $2, $3) " +
                                                     "on conflict (kind, id) do update set body = excluded.body",
                    kind, id, new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = JsonSerializer.Serialize(record, record.GetType(), Json) }));
            return batch;
        }
    }
}
