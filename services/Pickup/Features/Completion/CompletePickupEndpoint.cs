using System.Security.Claims;
using Marten;
using MassTransit;
using OmniChannel.Contracts.Pickup;
using OmniChannel.Pickup.Features.PickupRequests;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Persistence;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.Pickup.Features.Completion;

/// <summary>
/// POST /api/pickups/{pickupId}/completion (PUP-4): the customer's receipt and every item scanned; the goods are handed
/// over and <see cref="PickupCompleted"/> tells the Order saga, which captures their payment (PAY-3 … PAY-10).
/// Idempotent per Idempotency-Key; bad input changes nothing.
/// </summary>
public static class CompletePickupEndpoint
{
    public static IEndpointRouteBuilder MapCompletePickup(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/pickups/{pickupId:guid}/completion", Handle)
            .RequireAuthorization(PlatformPolicies.StoreWork)
            .RequiresIdempotencyKey()
            .WithTags("Pickup requests")
            .WithSummary("Completes a pickup (PUP-4): receipt and items scanned, goods handed over, payment captured by the order.")
            .Produces<PickupRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        app.MapGet("/api/pickups/{pickupId:guid}", async Task<IResult> (IQuerySession session, ClaimsPrincipal user, Guid pickupId, CancellationToken ct) =>
                await session.LoadAsync<PickupRequest>(pickupId, ct) is not { } request
                    ? ProblemCodes.NotFound("pickup.not_found", $"No pickup request {pickupId}.")
                    : user.MayActFor(request.StoreId) is { } otherStore ? otherStore.ToProblem() : TypedResults.Ok(request))
            .RequireAuthorization(PlatformPolicies.StoreWork)
            .WithTags("Pickup requests")
            .WithSummary("A pickup request: items, what was handed over, its completions and their payment.")
            .Produces<PickupRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private const int MaxAttempts = 10; // each lost attempt is another writer's progress: a few terminals and payment answers at once

    private static async Task<IResult> Handle(Guid pickupId, CompletePickupRequest scan, HttpRequest http, ClaimsPrincipal user, IDocumentSession session,
        TimeProvider clock, CancellationToken ct)
    {
        var (key, problem) = IdempotentRequest.ReadKey(http);
        if (problem is not null)
            return problem;
        // A scan does not depend on the version the terminal saw: when something else changed the pickup meanwhile (the
        // payment answer of an earlier completion, a second terminal), the completion is decided again on what is there now.
        for (var attempt = 1; ; attempt++)
        {
            if (await session.LoadAsync<PickupRequest>(pickupId, ct) is not { } request)
                return ProblemCodes.NotFound("pickup.not_found", $"No pickup request {pickupId}.");
            if (user.MayActFor(request.StoreId) is { } otherStore)
                return otherStore.ToProblem(); // a store's counter hands over its own pickups only

            // The completion is the receipt, kept in the pickup request; its version check settles two at once.
            var fingerprint = IdempotentRequest.Fingerprint(scan);
            if (request.Completions?.FirstOrDefault(c => c.IdempotencyKey == key) is { } earlier)
                return IdempotentRequest.Replay(earlier.Fingerprint, fingerprint, () => TypedResults.Ok(request),
                    () => IdempotentRequest.Reused("a different completion"));

            var fulfillmentId = $"pickup.{NewId.NextGuid():N}";
            var (completed, completion, refusal) = PickupCompletionRules.Complete(request, scan, key, fingerprint, fulfillmentId, clock.GetUtcNow());
            if (refusal is not null)
                return refusal.ToProblem();

            session.Store(completed!);
            session.PublishOnCommit(new PickupCompleted
            {
                OrderId = request.OrderId, ConfirmationNumber = request.ConfirmationNumber, PickupId = request.Id, StoreId = request.StoreId,
                FulfillmentId = fulfillmentId, PreferredTenderLineId = scan.TenderLineId, CompletedAt = completion!.At,
                Lines = completion.Items.Select(i => new PickupLine { LineId = i.LineId, Sku = i.Sku, Quantity = i.Quantity }).ToList(),
            });
            try
            {
                await session.SaveChangesAsync(ct);
            }
            catch (Exception exception) when (WriteConflict.IsConcurrencyConflict(exception))
            {
                session.EjectAllPendingChanges();
                session.Eject(completed!);
                if (attempt < MaxAttempts)
                    continue;
                return ProblemCodes.Conflict("pickup.changed", "The pickup kept changing while the items were scanned: send the completion again.");
            }
            PickupMetrics.PickupCompleted(completed!);
            return TypedResults.Ok(completed);
        }
    }
}
