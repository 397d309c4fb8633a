using Marten;
using Marten.Schema;

namespace OmniChannel.ServiceDefaults.Failures;

/// <summary>
/// One permanent failure on the operators' queue ("permanent failures", GET /operations/permanent-failures of the service
/// that failed): what failed (<see cref="MessageType"/> from <see cref="Queue"/>, or a job's <see cref="Subject"/>), its
/// code and reason, and once an operator handled it by hand, their note. Kept in the failing service's own schema.
/// Two operators resolving one at once: the second commit fails its version check (optimistic concurrency).
/// </summary>
[UseOptimisticConcurrency]
public sealed record PermanentFailure(
    string Id,
    string Code,
    string Reason,
    string? Subject,
    string? MessageType,
    string? MessageId,
    string? Queue,
    DateTimeOffset FailedAt,
    string? StreamKey = null,
    Guid? StreamId = null,
    string? Resolution = null,
    string? ResolvedBy = null,
    DateTimeOffset? ResolvedAt = null)
{
    public bool Open => ResolvedAt is null;

    /// <summary>The stream it was recorded on, as the store keys it (a string key, or a Guid id).</summary>
    public object? Stream => StreamId is { } id ? id : StreamKey;
}

/// <summary>On the failing work's own stream (the order's, the payments'): it failed permanently; an operator has it.</summary>
public sealed record FailedPermanently(string FailureId, string Kind, string Code, string Reason, string? MessageType, DateTimeOffset At);

/// <summary>On the same stream: the operator handled it by hand and said how.</summary>
public sealed record PermanentFailureResolved(string FailureId, string Note, string By, DateTimeOffset At);

/// <summary>Records permanent failures and their resolutions: the queue's document, and an event on the work's stream when it has one.</summary>
public static class PermanentFailures
{
    /// <summary>
    /// Records <paramref name="failure"/> once per <paramref name="id"/> (a redelivered message that fails again is the
    /// same failure). The stream event is appended only to a stream that exists: a failure about an order this service
    /// never created must not start that order's stream.
    /// </summary>
    public static async Task<PermanentFailure> RecordAsync(IDocumentStore store, string id, Failure failure, string? subject, object? stream,
        string? messageType, string? messageId, string? queue, DateTimeOffset now, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<PermanentFailure>(id, ct) is { } known)
            return known;
        var onStream = await AppendAsync(session, stream, new FailedPermanently(id, failure.Kind.ToString(), failure.Code, failure.Reason, messageType, now), ct);
        var recorded = new PermanentFailure(id, failure.Code, failure.Reason, subject, messageType, messageId, queue, now,
            onStream ? stream as string : null, onStream ? stream as Guid? : null);
        session.Insert(recorded);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception e) when (Persistence.WriteConflict.IsDuplicateKey(e))
        {
            // Recorded a moment ago by another delivery of the same message.
        }
        return recorded;
    }

    /// <summary>Appends <paramref name="event"/> to <paramref name="stream"/> if that stream exists; whether it did.</summary>
    public static async Task<bool> AppendAsync(IDocumentSession session, object? stream, object @event, CancellationToken ct)
    {
        switch (stream)
        {
            case string key when await session.Events.FetchStreamStateAsync(key, ct) is not null:
                session.Events.Append(key, @event);
                return true;
            case Guid id when await session.Events.FetchStreamStateAsync(id, ct) is not null:
                session.Events.Append(id, @event);
                return true;
            default:
                return false;
        }
    }
}
