using System.Security.Claims;
using Marten;
using OmniChannel.Pickup.Features.PickupRequests;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.Pickup.Features.Receiving;

public sealed record ReceiptScan(string? Barcode);

public sealed record ItemScanRequest(string? Code);

/// <summary>
/// PUP-3 at the counter: the receipt's barcode, then every item by its UPC, one scan per unit. The last one receives the
/// request and puts it on the hanger, and tells the order the customer can come (<see cref="ReadyForCollection"/>, PUP-9).
/// Each scan is an event of the request's stream, so a restart loses none.
/// </summary>
public static class ReceivePickupEndpoints
{
    /// <summary>Longest code a scanner reads (a GTIN is 14 digits; a confirmation number 15 characters).</summary>
    public const int MaxCodeLength = 64;

    public static IEndpointRouteBuilder MapReceivePickup(this IEndpointRouteBuilder app)
    {
        var pickup = app.MapGroup("/api/pickups/{pickupId:guid}").RequireAuthorization(PlatformPolicies.StoreWork).WithTags("Pickup counter");
        pickup.MapPost("/receiving/receipt", async Task<IResult> (Guid pickupId, ReceiptScan scan, ClaimsPrincipal user, IDocumentSession session,
                TimeProvider clock, CancellationToken ct) =>
            {
                if (Code(scan.Barcode, "pickup.barcode_required") is { } invalid)
                    return invalid;
                return Answer(pickupId, await PickupStream.DecideAsync(session, pickupId, (request, _) =>
                    user.MayActFor(request.StoreId) is { } otherStore
                        ? PickupDecider.Decision.No(otherStore)
                        : PickupDecider.ScanReceipt(request, scan.Barcode, clock.GetUtcNow()), ct));
            })
            .WithSummary("Receiving starts (PUP-3): the receipt's barcode scanned; scanning it again changes nothing.")
            .Produces<PickupRequest>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        pickup.MapPost("/receiving/items", async Task<IResult> (Guid pickupId, ItemScanRequest scan, HttpRequest http, ClaimsPrincipal user,
                IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
            {
                var (key, problem) = IdempotentRequest.ReadKey(http);
                if (problem is not null)
                    return problem;
                if (Code(scan.Code, "pickup.code_required") is { } invalid)
                    return invalid;
                return Answer(pickupId, await PickupStream.DecideAsync(session, pickupId, (request, staged) =>
                    user.MayActFor(request.StoreId) is { } otherStore
                        ? PickupDecider.Decision.No(otherStore)
                        : ReadyForCollection.Announce(request, PickupDecider.ScanItem(request, scan.Code, key, clock.GetUtcNow()), staged), ct));
            })
            .RequiresIdempotencyKey()
            .WithSummary("One unit scanned by its UPC (PUP-3); when every item is scanned the pickup is received and goes on the hanger. " +
                "A wrong item (pickup.item_not_in_request) or one too many (pickup.item_already_scanned) is refused.")
            .Produces<PickupRequest>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    /// <summary>The pickup after the decision, or why not.</summary>
    public static IResult Answer(Guid pickupId, PickupStream.Outcome outcome) =>
        outcome.NotFound ? ProblemCodes.NotFound("pickup.not_found", $"No pickup request {pickupId}.")
        : outcome.Refusal is { } refusal ? refusal.ToProblem()
        : TypedResults.Ok(outcome.After);

    private static IResult? Code(string? code, string problemCode) =>
        string.IsNullOrWhiteSpace(code) || code.Length > MaxCodeLength || code.Any(char.IsControl)
            ? ProblemCodes.BadRequest(problemCode, $"Scan a code of 1 to {MaxCodeLength} printable characters.")
            : null;
}
