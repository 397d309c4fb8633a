using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
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
        api.MapGet("/{storeId}/requests", ForStore)
            .WithSummary("The pickup requests of a store, oldest first (PUP-7 history): by status (any of a comma-separated list), the days they "
                         + "reached the store (from, to: the store's calendar, inclusive), customer and receipt; at most limit (200, up to 1000); sort=-requested lists the newest first.")
            .Produces<IReadOnlyList<PickupRequest>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> ForStore(HttpRequest http, [AsParameters] PickupSearchQuery documented, IQuerySession session,
        ClaimsPrincipal user, string storeId, CancellationToken ct)
    {
        if (await session.LoadAsync<PickupLocation>(storeId, ct) is not { } location)
            return ProblemCodes.NotFound("store.not_found", $"'{storeId}' is not a pickup store.");
        if (user.MayActFor(storeId) is { } otherStore)
            return otherStore.ToProblem(); // a store's counter sees its own pickups only
        var (search, refusal) = PickupSearch.Parse(http.Query);
        if (refusal is not null)
            return refusal.ToProblem();

        var zone = TimeZoneInfo.FindSystemTimeZoneById(location.TimeZone);
        var query = session.Query<PickupRequest>().Where(r => r.StoreId == storeId);
        if (search!.Statuses.Count > 0)
        {
            var statuses = search.Statuses.ToArray();
            query = query.Where(r => statuses.Contains(r.Status));
        }
        if (search.FromInstant(zone) is { } from)
            query = query.Where(r => r.RequestedAt >= from);
        if (search.UntilInstant(zone) is { } until)
            query = query.Where(r => r.RequestedAt < until);
        if (search.CustomerId is { } customer)
            query = query.Where(r => r.CustomerId == customer);
        if (search.Receipt is { } receipt)
            query = query.Where(r => r.ConfirmationNumber == receipt);
        query = search.NewestFirst ? query.OrderByDescending(r => r.RequestedAt) : query.OrderBy(r => r.RequestedAt);
        return TypedResults.Ok(await query.Take(search.Limit).ToListAsync(ct));
    }
}

/// <summary>
/// The query string of the store's request list as its OpenAPI document lists it; every value is read by
/// <see cref="PickupSearch.Parse"/> from the query string itself, which also sees a parameter given twice or one it does not know.
/// </summary>
public sealed record PickupSearchQuery(
    [FromQuery(Name = "status")] string? Status,
    [FromQuery(Name = "from")] string? From,
    [FromQuery(Name = "to")] string? To,
    [FromQuery(Name = "customerId")] string? CustomerId,
    [FromQuery(Name = "receipt")] string? Receipt,
    [FromQuery(Name = "sort")] string? Sort,
    [FromQuery(Name = "limit")] string? Limit);
