using System.Security.Claims;
using Marten;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.Pickup.Features.PickupRequests;

/// <summary>One step of a pickup request's history: an event of its stream.</summary>
public sealed record PickupHistoryEntry(long Version, string Type, DateTimeOffset At, object Data);

/// <summary>GET /api/pickups/{pickupId}/history: what happened to a request, in order, read from its stream.</summary>
public static class PickupHistory
{
    public static IEndpointRouteBuilder MapPickupHistory(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/pickups/{pickupId:guid}/history", async Task<IResult> (Guid pickupId, ClaimsPrincipal user, IQuerySession session,
                CancellationToken ct) =>
            {
                if (await session.LoadAsync<PickupRequest>(pickupId, ct) is not { } request)
                    return ProblemCodes.NotFound("pickup.not_found", $"No pickup request {pickupId}.");
                if (user.MayActFor(request.StoreId) is { } otherStore)
                    return otherStore.ToProblem();
                var events = await session.Events.FetchStreamAsync(pickupId, token: ct);
                return TypedResults.Ok(events.Select(e => new PickupHistoryEntry(e.Version, e.EventTypeName, e.Timestamp, e.Data)).ToList());
            })
            .RequireAuthorization(PlatformPolicies.StoreWork)
            .WithTags("Pickup requests")
            .WithSummary("A pickup request's history: its events, in order (requested, printed, scanned, received, handed over, …).")
            .Produces<IReadOnlyList<PickupHistoryEntry>>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
