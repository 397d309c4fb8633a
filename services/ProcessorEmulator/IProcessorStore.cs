namespace OmniChannel.ProcessorEmulator;

/// <summary>
/// The emulator's own storage (an acquirer's, not ours): it commits on its own, whatever happens to the caller's
/// transaction afterwards, which is what makes a crash between the processor's answer and our commit possible.
/// </summary>
public interface IProcessorStore
{
    /// <summary>
    /// Runs <paramref name="operation"/> once per (merchant, key), atomically: a retry with the same key and the same
    /// <paramref name="fingerprint"/> gets the first answer back without running it again; the same key with another
    /// request is refused (<c>idempotency.key_reused</c>). Concurrent calls with one key wait for each other.
    /// </summary>
    Task<ProcessorResult> RunOnceAsync(string merchantId, string key, string fingerprint,
        Func<IProcessorRecords, Task<ProcessorResult>> operation, CancellationToken ct);

    Task<T?> FindAsync<T>(string id, CancellationToken ct) where T : class;

    /// <summary>The operations of a merchant whose key starts with <paramref name="keyPrefix"/> (reconciliation).</summary>
    Task<IReadOnlyList<ProcessorOperation>> OperationsAsync(string merchantId, string keyPrefix, CancellationToken ct);
}

/// <summary>The records one operation reads (locked until it ends) and writes (committed with its answer).</summary>
public interface IProcessorRecords
{
    Task<T?> GetAsync<T>(string id) where T : class;

    void Put<T>(string id, T record) where T : class;
}
