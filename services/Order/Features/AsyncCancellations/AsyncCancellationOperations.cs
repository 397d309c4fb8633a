using System.Security.Claims;
using Marten;
using OmniChannel.Order.Orders;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.Order.Features.AsyncCancellations;

/// <param name="Note">What the operator did by hand (up to 2,000 characters).</param>
public sealed record ResolveAsyncCancellationRequest(string? Note);

/// <summary>One asynchronous cancellation as the operator's queue shows it: the customer's contact to reach them.</summary>
public sealed record AsyncCancellationView(string ConfirmationNumber, string StoreId, string Status, decimal? ChargePercent, CustomerContact? Contact,
    DateTimeOffset AcceptedAt, int Attempts, DateTimeOffset? NextAttemptAt, string? FailureKind, string? FailureCode, string? FailureReason,
    string? Resolution, DateTimeOffset? UpdatedAt)
{
    public static AsyncCancellationView Of(AsyncCancellation c) => new(c.ConfirmationNumber, c.StoreId, c.Status.ToString(), c.ChargePercent, c.Contact,
        c.AcceptedAt, c.Attempts, c.NextAttemptAt, c.LastFailure?.Kind.ToString(), c.LastFailure?.Code, c.LastFailure?.Reason, c.Resolution, c.UpdatedAt);
}

/// <summary>
/// ORD-10 for the operator on call (the <c>/operations</c> group: an operator's token, the service's own port, the
/// dashboard's commands): the incomplete asynchronous cancellations (permanent failures, with the reason and the
/// customer's contact) and those still pending; marking a handled one resolved; processing the pending ones now.
/// </summary>
public static class AsyncCancellationOperations
{
    public const int MaxNote = 2_000;

    /// <summary>The queue and the resolution, on the Order API.</summary>
    public static RouteGroupBuilder MapAsyncCancellationQueue(this RouteGroupBuilder operations)
    {
        operations.MapGet("/async-cancellations", async Task<IResult> (string? status, IQuerySession session, CancellationToken ct) =>
        {
            IQueryable<AsyncCancellation> query = session.Query<AsyncCancellation>();
            switch (status)
            {
                case null or "" or "incomplete":
                    query = query.Where(c => c.Status == AsyncCancellationStatus.Failed || c.Status == AsyncCancellationStatus.Pending);
                    break;
                case var named when Enum.TryParse<AsyncCancellationStatus>(named, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed):
                    query = query.Where(c => c.Status == parsed);
                    break;
                default:
                    return ProblemCodes.BadRequest("status.unknown", "status is incomplete (default), pending, failed, applied or resolved.");
            }
            var found = await query.OrderBy(c => c.AcceptedAt).Take(500).ToListAsync(ct);
            return TypedResults.Ok(found.Select(AsyncCancellationView.Of).ToList());
        });
        operations.MapPost("/async-cancellations/{confirmationNumber}/resolution", async Task<IResult> (string confirmationNumber,
            ResolveAsyncCancellationRequest request, ClaimsPrincipal caller, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(request.Note) || request.Note.Length > MaxNote)
                return ProblemCodes.BadRequest("resolution.note_required", $"Say what was done by hand: a note of 1 to {MaxNote} characters.");
            var stream = await session.Events.FetchForWriting<AsyncCancellation>(AsyncCancellation.StreamKey(confirmationNumber), ct);
            if (stream.Aggregate is not { } cancellation)
                return ProblemCodes.NotFound("async_cancellation.not_found", $"No asynchronous cancellation of order '{confirmationNumber}'.");
            if (cancellation.Status != AsyncCancellationStatus.Failed)
                return ProblemCodes.Conflict("async_cancellation.not_failed",
                    $"The cancellation of {confirmationNumber} is {cancellation.Status}: only a permanent failure is resolved by hand.");
            var resolved = new AsyncCancellationResolved(request.Note.Trim(), caller.Identity?.Name ?? caller.FindFirstValue("sub") ?? "operator",
                clock.GetUtcNow());
            stream.AppendOne(resolved);
            await session.SaveChangesAsync(ct);
            return TypedResults.Ok(AsyncCancellationView.Of(cancellation.Apply(resolved)));
        });
        return operations;
    }

    /// <summary>"Process now", on the worker that runs the job.</summary>
    public static RouteGroupBuilder MapAsyncCancellationRunNow(this RouteGroupBuilder operations)
    {
        operations.MapPost("/async-cancellations/run", (AsyncCancellationJob job, CancellationToken ct) => job.RunAsync(ct));
        return operations;
    }
}
