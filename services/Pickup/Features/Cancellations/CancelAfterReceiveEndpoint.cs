using System.Security.Claims;
using Marten;
using OmniChannel.Contracts.Pickup;
using OmniChannel.Pickup.Features.PickupRequests;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Persistence;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.Pickup.Features.Cancellations;

public sealed record CancelAfterReceiveRequest(string? Reason);

/// <summary>
/// POST /api/pickups/{pickupId}/cancellation (PUP-6): the store's counter cancels a received pickup with a reason. What was
/// still to collect is cancelled (the receipt void), a slip takes it off the hanger (PUP-2), and
/// <see cref="PickupCancelledAtCounter"/> tells the order, whose saga releases the stock and refunds or voids its payment;
/// all in one commit. A cancelled pickup answers 409 <c>pickup.cancelled</c>.
/// </summary>
public static class CancelAfterReceiveEndpoint
{
    public static IEndpointRouteBuilder MapCancelAfterReceive(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/pickups/{pickupId:guid}/cancellation", Handle)
            .RequireAuthorization(PlatformPolicies.StoreWork)
            .WithTags("Pickup requests")
            .WithSummary("Cancels a received pickup at the counter, with a reason (PUP-6): off the hanger, stock sellable, the order told.")
            .Produces<PickupRequest>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<IResult> Handle(Guid pickupId, CancelAfterReceiveRequest body, ClaimsPrincipal user, IDocumentSession session,
        TimeProvider clock, CancellationToken ct)
    {
        var outcome = await CancellationPrinting.CancelWithSlipAsync(session, pickupId, clock, (request, now) =>
        {
            if (user.MayActFor(request.StoreId) is { } otherStore)
                return PickupDecider.Decision.No(otherStore); // a store's counter cancels its own pickups only
            var decision = PickupDecider.CancelAfterReceive(request, body.Reason, now);
            if (decision.Refusal is null)
                session.PublishOnCommit(new PickupCancelledAtCounter
                {
                    OrderId = request.OrderId, PickupId = request.Id, StoreId = request.StoreId, CancellationId = $"pickup.{request.Id:N}",
                    Reason = body.Reason!.Trim(), CancelledAt = now,
                    Lines = request.Items.Where(i => i.Open > 0).Select(i => new PickupLine { LineId = i.LineId, Sku = i.Sku, Quantity = i.Open }).ToList(),
                });
            return decision;
        }, body.Reason?.Trim() ?? "", ct);

        if (outcome.NotFound)
            return ProblemCodes.NotFound("pickup.not_found", $"No pickup request {pickupId}.");
        return outcome.Refusal is not null ? outcome.Refusal.ToProblem() : TypedResults.Ok(outcome.After);
    }
}
