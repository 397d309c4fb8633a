using System.Text.Json;
using OmniChannel.ProcessorEmulator;
using ProcessorOperation = OmniChannel.ProcessorEmulator.ProcessorOperation;
using ProcessorResult = OmniChannel.ProcessorEmulator.ProcessorResult;

namespace OmniChannel.Payment.Tests.Infrastructure;

/// <summary>
/// The emulator's storage in memory, serialized as JSON like the PostgreSQL one (so a test can scan what it keeps),
/// one operation at a time. <see cref="AfterOperation"/> lets a test act between the processor's commit and the answer.
/// </summary>
public sealed class InMemoryProcessorStore : IProcessorStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Dictionary<(string Kind, string Id), string> records = [];
    private readonly Dictionary<(string Merchant, string Key), (string Fingerprint, string Answer)> operations = [];

    public Action<string>? AfterOperation { get; set; }

    public int OperationsRun { get; private set; }

    /// <summary>Everything kept, as stored.</summary>
    public IEnumerable<string> Contents => records.Values.Concat(operations.Values.Select(o => o.Fingerprint + o.Answer));

    public async Task<ProcessorResult> RunOnceAsync(string merchantId, string key, string fingerprint,
        Func<IProcessorRecords, Task<ProcessorResult>> operation, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            if (operations.TryGetValue((merchantId, key), out var kept))
                return kept.Fingerprint == fingerprint
                    ? JsonSerializer.Deserialize<ProcessorResult>(kept.Answer, Json)!
                    : ProcessorResult.Decline("idempotency.key_reused", $"Key {key} was used for another request.");
            var unit = new Records(records);
            var result = await operation(unit);
            foreach (var (id, json) in unit.Written)
                records[id] = json;
            operations[(merchantId, key)] = (fingerprint, JsonSerializer.Serialize(result, Json));
            OperationsRun++;
            AfterOperation?.Invoke(key);
            return result;
        }
        finally
        {
            gate.Release();
        }
    }

    public Task<T?> FindAsync<T>(string id, CancellationToken ct) where T : class =>
        Task.FromResult(records.TryGetValue((typeof(T).Name, id), out var json) ? JsonSerializer.Deserialize<T>(json, Json) : null);

    public Task<IReadOnlyList<ProcessorOperation>> OperationsAsync(string merchantId, string keyPrefix, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ProcessorOperation>>(operations
            .Where(o => o.Key.Merchant == merchantId && o.Key.Key.StartsWith(keyPrefix, StringComparison.Ordinal))
            .Select(o => new ProcessorOperation(merchantId, o.Key.Key, o.Value.Fingerprint, JsonSerializer.Deserialize<ProcessorResult>(o.Value.Answer, Json)!))
            .ToList());

    private sealed class Records(Dictionary<(string Kind, string Id), string> committed) : IProcessorRecords
    {
        public Dictionary<(string Kind, string Id), string> Written { get; } = [];

        public Task<T?> GetAsync<T>(string id) where T : class
        {
            var key = (typeof(T).Name, id);
            return Task.FromResult(Written.TryGetValue(key, out var json) || committed.TryGetValue(key, out json)
                ? JsonSerializer.Deserialize<T>(json, Json)
                : null);
        }

        public void Put<T>(string id, T record) where T : class => Written[(typeof(T).Name, id)] = JsonSerializer.Serialize(record, Json);
    }
}
