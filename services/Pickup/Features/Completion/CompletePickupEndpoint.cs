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

    private static async Task<IResult> Handle(Guid pickupId, CompletePickupRequest scan, HttpRequest http, ClaimsPrincipal user, IDocumentSession session,
        TimeProvider clock, CancellationToken ct)
    {
        var (key, problem) = IdempotentRequest.ReadKey(http);
        if (problem is not null)
            return problem;
        var fingerprint = IdempotentRequest.Fingerprint(scan);
        IResult? replay = null;
        var outcome = await PickupStream.DecideAsync(session, pickupId, (request, staged) =>
        {
            replay = null;
            if (user.MayActFor(request.StoreId) is { } otherStore)
                return PickupDecider.Decision.No(otherStore); // a store's counter hands over its own pickups only
            // The completion is kept in the pickup request, under its key; the stream's version settles two at once.
            if (request.Completions?.FirstOrDefault(c => c.IdempotencyKey == key) is { } earlier)
            {
                replay = IdempotentRequest.Replay(earlier.Fingerprint, fingerprint, () => TypedResults.Ok(request),
                    () => IdempotentRequest.Reused("a different completion"));
                return PickupDecider.Decision.Nothing;
            }
            var fulfillmentId = $"pickup.{NewId.NextGuid():N}";
            var (_, completion, refusal) = PickupCompletionRules.Complete(request, scan, key, fingerprint, fulfillmentId, clock.GetUtcNow());
            if (refusal is not null)
                return PickupDecider.Decision.No(refusal);
            staged.PublishOnCommit(new PickupCompleted
            {
                OrderId = request.OrderId, ConfirmationNumber = request.ConfirmationNumber, PickupId = request.Id, StoreId = request.StoreId,
                FulfillmentId = fulfillmentId, PreferredTenderLineId = scan.TenderLineId, CompletedAt = completion!.At,
                Lines = completion.Items.Select(i => new PickupLine { LineId = i.LineId, Sku = i.Sku, Quantity = i.Quantity }).ToList(),
            });
            return PickupDecider.Decision.Of(new PickupHandedOver(request.Id, completion));
        }, ct);

        if (outcome.NotFound)
            return ProblemCodes.NotFound("pickup.not_found", $"No pickup request {pickupId}.");
        if (outcome.Refusal is not null)
            return outcome.Refusal.ToProblem();
        if (replay is not null)
            return replay;
        PickupMetrics.PickupCompleted(outcome.After!);
        return TypedResults.Ok(outcome.After);
    }
}
