using Marten;
using Microsoft.AspNetCore.Http;
using OmniChannel.ServiceDefaults.Persistence;

namespace OmniChannel.ServiceDefaults.Http;

/// <summary>
/// A request that leaves a receipt document under an id made from its key. The caller inserts the receipt first (before
/// anything else it writes under that id) and publishes on commit; the receipt commits with the request's effects, so a
/// repeat finds it, and of two requests with one key at once only one commits: the other's insert fails on the key, and
/// it answers as a replay of the winner.
/// </summary>
/// <param name="receiptId">The receipt's document id.</param>
/// <param name="fingerprint">This request's <see cref="IdempotentRequest.Fingerprint{T}"/>.</param>
/// <param name="fingerprintOf">The fingerprint a receipt keeps.</param>
/// <param name="answer">The answer for a receipt: the first time and on every replay.</param>
/// <param name="reused">The conflict to answer when the key came with another body (a new one each time: the problem
/// details service adds the request's trace to it).</param>
public sealed class IdempotentRequest<TReceipt>(string receiptId, string fingerprint, Func<TReceipt, string> fingerprintOf,
    Func<TReceipt, IResult> answer, Func<IResult> reused) where TReceipt : notnull
{
    public string ReceiptId => receiptId;

    public string Fingerprint => fingerprint;

    /// <summary>The answer to a repeat of <paramref name="earlier"/>.</summary>
    public IResult Replay(TReceipt earlier) => IdempotentRequest.Replay(fingerprintOf(earlier), fingerprint, () => answer(earlier), reused);

    /// <summary>
    /// The replay of what is committed under the key, or null if nothing is. Read in a session of its own: a session
    /// whose insert was refused still holds its own receipt.
    /// </summary>
    public async Task<IResult?> ReplayCommittedAsync(IDocumentSession session, CancellationToken ct)
    {
        await using var query = session.DocumentStore.QuerySession();
        return await query.LoadAsync<TReceipt>(receiptId, ct) is { } earlier ? Replay(earlier) : null;
    }

    /// <summary>Commits the session: null once committed, the replay of the first request when the key was taken.</summary>
    public async Task<IResult?> CommitAsync(IDocumentSession session, CancellationToken ct)
    {
        try
        {
            await session.SaveChangesAsync(ct);
            return null;
        }
        catch (Exception exception) when (WriteConflict.IsDuplicateKey(exception))
        {
            // Another key of this commit (none is expected) is not ours to answer for.
            if (await ReplayCommittedAsync(session, ct) is { } replay)
                return replay;
            throw;
        }
    }
}
