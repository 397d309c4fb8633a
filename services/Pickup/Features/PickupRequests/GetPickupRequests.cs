using System.Security.Claims;
using Marten;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.Pickup.Features.PickupRequests;

public static class GetPickupRequests
{
    public static IEndpointRouteBuilder MapPickupRequests(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/pickups/stores").RequireAuthorization(PlatformPolicies.StoreWork).WithTags("Pickup requests");
        api.MapGet("/", async (IQuerySession session, CancellationToken ct) =>
                await session.Query<PickupLocation>().OrderBy(s => s.StoreId).ToListAsync(ct))
            .WithSummary("Stores with a pickup counter.");
        api.MapGet("/{storeId}/requests", ForStore).WithSummary("The pickup requests of a store, optionally by status (PUP-7).")
            .Produces<IReadOnlyList<PickupRequest>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> ForStore(IQuerySession session, ClaimsPrincipal user, string storeId, PickupStatus? status, CancellationToken ct)
    {
        if (await session.LoadAsync<PickupLocation>(storeId, ct) is null)
            return ProblemCodes.NotFound("store.not_found", $"'{storeId}' is not a pickup store.");
        if (user.MayActFor(storeId) is { } otherStore)
            return otherStore.ToProblem(); // a store's counter sees its own pickups only
        var query = session.Query<PickupRequest>().Where(r => r.StoreId == storeId);
        if (status is { } wanted)
            query = query.Where(r => r.Status == wanted);
        return TypedResults.Ok(await query.OrderBy(r => r.RequestedAt).ToListAsync(ct));
    }
}
