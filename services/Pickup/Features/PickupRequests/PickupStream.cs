using Marten;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Persistence;

namespace OmniChannel.Pickup.Features.PickupRequests;

/// <summary>
/// The one way a pickup request changes: its stream read for writing, <see cref="PickupDecider"/> (or the completion's rules)
/// asked on what is there, the events appended with a version check. A scan does not depend on the version the terminal saw:
/// when another writer (a second terminal, a payment answer, the order's cancellation) got there first, the decision is taken
/// again on fresh state.
/// </summary>
public static class PickupStream
{
    private const int MaxAttempts = 10;

    public sealed record Outcome(PickupRequest? Before, PickupRequest? After, Refusal? Refusal, IReadOnlyList<object> Events)
    {
        public bool NotFound => Before is null && Refusal is null;
    }

    /// <param name="decide">
    /// The decision on the request as it is; it may also stage what goes with it in the same commit (messages to publish on
    /// commit, documents), on the session it is given.
    /// </param>
    public static async Task<Outcome> DecideAsync(IDocumentSession session, Guid pickupId,
        Func<PickupRequest, IDocumentSession, PickupDecider.Decision> decide, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            // The stream's version first, then its state (never older than that version): appending at that version fails
            // when anything was written since, whichever of the two reads saw it.
            var version = (await session.Events.FetchStreamStateAsync(pickupId, ct))?.Version;
            if (version is null || await session.LoadAsync<PickupRequest>(pickupId, ct) is not { } request)
                return new Outcome(null, null, null, []);
            var decision = decide(request, session);
            if (decision.Refusal is not null || decision.Events.Count == 0)
            {
                session.EjectAllPendingChanges();
                return new Outcome(request, request, decision.Refusal, []);
            }
            session.Events.Append(pickupId, version.Value + decision.Events.Count, decision.Events.ToArray());
            try
            {
                await session.SaveChangesAsync(ct);
                return new Outcome(request, decision.Events.Aggregate(request, Fold), null, decision.Events);
            }
            catch (Exception exception) when (WriteConflict.IsConcurrencyConflict(exception))
            {
                session.EjectAllPendingChanges();
                session.Eject(request);
                if (attempt == MaxAttempts)
                    return new Outcome(request, request, Refusal.Conflict("pickup.changed",
                        "The pickup kept changing while it was being scanned: send the scan again."), []);
            }
        }
    }

    /// <summary>The state after one more event, as Marten's inline projection folds it.</summary>
    public static PickupRequest Fold(PickupRequest request, object @event) => @event switch
    {
        ReceiptPrinted e => request.Apply(e),
        ReceiptReprinted e => request.Apply(e),
        ReceiptScanned e => request.Apply(e),
        ItemScanned e => request.Apply(e),
        PickupReceived e => request.Apply(e),
        PutOnHanger e => request.Apply(e),
        PickupPartiallyCancelled e => request.Apply(e),
        CancellationSlipPrinted e => request.Apply(e),
        CancelledItemsOffHanger e => request.Apply(e),
        PickupCancelled e => request.Apply(e),
        PickupNotPossible e => request.Apply(e),
        PickupHandedOver e => request.Apply(e),
        CompletionPaymentAnswered e => request.Apply(e),
        ExpiryReported e => request.Apply(e),
        PickupExpired e => request.Apply(e),
        _ => throw new ArgumentException($"{@event.GetType().Name} is not an event of a pickup request.", nameof(@event)),
    };
}
