using System.Globalization;
using System.Security.Claims;
using Marten;
using OmniChannel.Pickup.Features.PickupRequests;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.Pickup.Features.Expiry;

/// <summary>
/// PUP-8 routes. The counter asks for its store's day (the service's clock, in the store's time zone): the first ask of the
/// day reports and releases what is past its deadline and prints the list; later asks answer the same list. An operator may
/// run a store's list for a named day (a day the counter did not ask, or a drill), never a store's terminal.
/// </summary>
public static class ExpiryReportEndpoints
{
    public static IEndpointRouteBuilder MapExpiryReport(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/pickups/stores/{storeId}/expiry-report", async Task<IResult> (string storeId, ClaimsPrincipal user, IDocumentSession session,
                TimeProvider clock, CancellationToken ct) =>
            {
                if (await session.LoadAsync<PickupLocation>(storeId, ct) is not { } store)
                    return ProblemCodes.NotFound("store.not_found", $"'{storeId}' is not a pickup store.");
                if (user.MayActFor(storeId) is { } otherStore)
                    return otherStore.ToProblem(); // a store's counter reports its own pickups only
                return Answer(await ExpiryReport.ReportAsync(session, store, ExpiryRules.StoreToday(store, clock.GetUtcNow()), clock, ct));
            })
            .RequireAuthorization(PlatformPolicies.StoreWork)
            .WithTags("Pickup counter")
            .WithSummary("The store's expiry list of today (PUP-8): the first ask of the day reports and releases the pickups past their deadline " +
                "(their orders cancel those lines, INV-7 releases their stock) and prints the list; later asks answer the same list.")
            .Produces<ExpiryList>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        app.MapPost("/api/pickups/stores/{storeId}/expiry-report/{day}", async Task<IResult> (string storeId, string day, IDocumentSession session,
                TimeProvider clock, CancellationToken ct) =>
            {
                if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var named))
                    return ProblemCodes.BadRequest("expiry.day_invalid", "Name the day as yyyy-MM-dd.");
                if (await session.LoadAsync<PickupLocation>(storeId, ct) is not { } store)
                    return ProblemCodes.NotFound("store.not_found", $"'{storeId}' is not a pickup store.");
                return Answer(await ExpiryReport.ReportAsync(session, store, named, clock, ct));
            })
            .RequireAuthorization(PlatformPolicies.Operator)
            .WithTags("Pickup counter")
            .WithSummary("An operator runs a store's expiry list for a named day (PUP-8), as the counter's first ask that day would; " +
                "once reported, the day answers the same list.")
            .Produces<ExpiryList>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static IResult Answer(ExpiryList? list) => list is not null
        ? TypedResults.Ok(list)
        : ProblemCodes.Conflict("expiry.changed", "The store's pickups kept changing while the day was reported: ask again.");
}
