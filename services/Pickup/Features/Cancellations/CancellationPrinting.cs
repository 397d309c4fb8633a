using Marten;
using MassTransit;
using OmniChannel.Pickup.Features.PickupRequests;
using OmniChannel.Pickup.Features.Printing;

namespace OmniChannel.Pickup.Features.Cancellations;

/// <summary>
/// PUP-2: a cancellation of a pickup request and its slip commit together: the slip's PDF goes on the store's print queue in
/// the same commit as the cancellation's events, so a cancellation is never without its slip, nor a slip without it.
/// </summary>
public static class CancellationPrinting
{
    public static async Task<PickupStream.Outcome> CancelWithSlipAsync(IDocumentSession session, Guid pickupId, TimeProvider clock,
        Func<PickupRequest, DateTimeOffset, PickupDecider.Decision> cancel, string reason, CancellationToken ct)
    {
        if (await session.LoadAsync<PickupRequest>(pickupId, ct) is not { } current)
            return new PickupStream.Outcome(null, null, null, []);
        var location = await session.LoadAsync<PickupLocation>(current.StoreId, ct)
            ?? new PickupLocation(current.StoreId, current.StoreId, "UTC");
        var withHistory = (await session.LoadAsync<PrintSettings>(current.StoreId, ct))?.SlipWithHistory ?? false;

        return await PickupStream.DecideAsync(session, pickupId, (request, staged) =>
        {
            var now = clock.GetUtcNow();
            var decision = cancel(request, now);
            if (decision.Refusal is not null || decision.Events.Count == 0)
                return decision;
            var jobId = $"print.{NewId.NextGuid():N}";
            if (CancellationSlipRules.Slip(request, decision.Events, jobId, now) is not { } slip)
                return decision;
            var after = decision.Events.Append(slip).Aggregate(request, PickupStream.Fold);
            var printed = CancellationSlipRules.Printed(after, slip, withHistory);
            staged.Store(new PrintJob(jobId, request.StoreId, PrintJobKind.CancellationSlip, request.Id, request.ConfirmationNumber, now,
                CancellationSlipDocument.Render(after, location, printed, reason, withHistory)));
            return PickupDecider.Decision.Of([.. decision.Events, slip]);
        }, ct);
    }
}
