using System.Security.Claims;
using Marten;
using OmniChannel.Contracts.Pickup;
using OmniChannel.Pickup.Features.PickupRequests;
using OmniChannel.Pickup.Features.Receiving;
using OmniChannel.ServiceDefaults.Persistence;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.Pickup.Features.NotPossible;

public sealed record NotPossibleRequest(string? Reason, bool? OutOfStock);

/// <summary>
/// POST /api/pickups/{pickupId}/not-possible (PUP-5): the store's counter cannot serve a pickup (out of stock, or an
/// unavoidable reason, with the reason text). The request ends (<see cref="PickupNotPossible"/>, off the hanger) and
/// <see cref="PickupNotPossibleAtStore"/> tells the order in the same commit; its saga cancels it without a charge. Asked
/// again, it answers 409 <c>pickup.closed</c> and changes nothing.
/// </summary>
public static class NotPossibleEndpoint
{
    public static IEndpointRouteBuilder MapNotPossible(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/pickups/{pickupId:guid}/not-possible", Handle)
            .RequireAuthorization(PlatformPolicies.StoreWork)
            .WithTags("Pickup counter")
            .WithSummary("The store cannot serve the pickup (PUP-5), with a reason: the request ends, the order's lines are rejected without a charge.")
            .Produces<PickupRequest>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<IResult> Handle(Guid pickupId, NotPossibleRequest body, ClaimsPrincipal user, IDocumentSession session,
        TimeProvider clock, CancellationToken ct) =>
        ReceivePickupEndpoints.Answer(pickupId, await PickupStream.DecideAsync(session, pickupId, (request, staged) =>
        {
            if (user.MayActFor(request.StoreId) is { } otherStore)
                return PickupDecider.Decision.No(otherStore); // a store's counter ends its own pickups only
            var now = clock.GetUtcNow();
            var decision = PickupDecider.NotPossible(request, body.Reason, now, body.OutOfStock ?? false);
            if (decision.Refusal is null)
                staged.PublishOnCommit(new PickupNotPossibleAtStore
                {
                    OrderId = request.OrderId, PickupId = request.Id, StoreId = request.StoreId, CancellationId = $"pickup.notpossible.{request.Id:N}",
                    Reason = body.Reason!.Trim(), OutOfStock = body.OutOfStock ?? false, At = now,
                    Lines = request.Items.Where(i => i.Open > 0).Select(i => new PickupLine { LineId = i.LineId, Sku = i.Sku, Quantity = i.Open }).ToList(),
                });
            return decision;
        }, ct));
}
