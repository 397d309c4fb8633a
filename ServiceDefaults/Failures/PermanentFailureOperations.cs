using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.ServiceDefaults.Failures;

/// <param name="Note">What the operator did by hand (1 to 2,000 characters).</param>
public sealed record ResolvePermanentFailureRequest(string? Note);

/// <summary>
/// The operators' "permanent failures" queue of a service (its <c>/operations</c> group: an operator's token, the
/// service's own port): what failed for good, oldest first, and marking one resolved with a note once handled by hand.
/// The same two routes on every service that records permanent failures, each over its own schema.
/// </summary>
public static class PermanentFailureOperations
{
    public const int MaxNote = 2_000;

    public static RouteGroupBuilder MapPermanentFailures(this RouteGroupBuilder operations)
    {
        operations.MapGet("/permanent-failures", async Task<Results<Ok<List<PermanentFailure>>, ProblemHttpResult>> (string? status,
            IQuerySession session, CancellationToken ct) =>
        {
            IQueryable<PermanentFailure> query = session.Query<PermanentFailure>();
            switch (status)
            {
                case null or "" or "open": query = query.Where(f => f.ResolvedAt == null); break;
                case "resolved": query = query.Where(f => f.ResolvedAt != null); break;
                case "all": break;
                default: return ProblemCodes.BadRequest("status.unknown", "status is open (default), resolved or all.");
            }
            return TypedResults.Ok((await query.OrderBy(f => f.FailedAt).Take(500).ToListAsync(ct)).ToList());
        }).ProducesProblem(StatusCodes.Status400BadRequest);

        operations.MapPost("/permanent-failures/{id}/resolution", async Task<Results<Ok<PermanentFailure>, ProblemHttpResult>> (string id,
            ResolvePermanentFailureRequest request, ClaimsPrincipal caller, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(request.Note) || request.Note.Length > MaxNote)
                return ProblemCodes.BadRequest("resolution.note_required", $"Say what was done by hand: a note of 1 to {MaxNote} characters.");
            if (id.Length > 100 || await session.LoadAsync<PermanentFailure>(id, ct) is not { } failure)
                return ProblemCodes.NotFound("permanent_failure.not_found", "No permanent failure has that id.");
            if (!failure.Open)
                return ProblemCodes.Conflict("permanent_failure.resolved", $"It was resolved at {failure.ResolvedAt:O}.");
            var (note, by, now) = (request.Note.Trim(), caller.Identity?.Name ?? caller.FindFirstValue("sub") ?? "operator", clock.GetUtcNow());
            var resolved = failure with { Resolution = note, ResolvedBy = by, ResolvedAt = now };
            session.Update(resolved);
            await PermanentFailures.AppendAsync(session, failure.Stream, new PermanentFailureResolved(failure.Id, note, by, now), ct);
            try
            {
                await session.SaveChangesAsync(ct);
            }
            catch (Exception e) when (Persistence.WriteConflict.IsConcurrencyConflict(e))
            {
                return ProblemCodes.Conflict("permanent_failure.resolved", "Another operator resolved it a moment ago.");
            }
            return TypedResults.Ok(resolved);
        }).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return operations;
    }
}
