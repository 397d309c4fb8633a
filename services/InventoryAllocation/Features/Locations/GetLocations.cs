using Marten;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.InventoryAllocation.Features.Locations;

public static class GetLocations
{
    public static IEndpointRouteBuilder MapLocations(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/inventory").RequireAuthorization(PlatformPolicies.ReferenceData).WithTags("Locations");
        api.MapGet("/locations", async (IQuerySession session, CancellationToken ct) =>
                await session.Query<Location>().OrderBy(l => l.Id).ToListAsync(ct))
            .WithSummary("Stores and distribution centres.");
        api.MapGet("/fulfillment-groups/{groupId}", async Task<IResult> (IQuerySession session, string groupId, CancellationToken ct) =>
                await session.LoadAsync<FulfillmentGroup>(groupId, ct) is { } group
                    ? TypedResults.Ok(group)
                    : ProblemCodes.NotFound("fulfillment_group.not_found", $"No fulfillment group '{groupId}'."))
            .WithSummary("A fulfillment group: which locations ship and which serve pickup (INV-6).")
            .Produces<FulfillmentGroup>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
