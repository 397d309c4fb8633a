using System.Text.Json.Serialization;
using Marten;
using OmniChannel.InventoryAllocation.Features.Stock;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Persistence;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.InventoryAllocation.Features.Allocation;

/// <param name="RunId">The caller's id of the run: the same id again answers the first report and allocates nothing.</param>
/// <param name="OrderIds">The orders to allocate (the screen's selection); none: every shippable order.</param>
public sealed record AllocationRunRequest(string? RunId, string? Option, IReadOnlyList<Guid>? OrderIds);

public sealed record AllocationReport(string RunId, [property: JsonConverter(typeof(JsonStringEnumConverter))] AllocationOption Option,
    DateTimeOffset At, IReadOnlyList<OrderAllocation> Orders);

/// <summary>INV-4: POST an allocation run (an operator's): confirms shippable orders and answers a report per order.</summary>
public static class AllocationRunEndpoint
{
    public static IEndpointRouteBuilder MapAllocationRuns(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/inventory/allocation-runs").RequireAuthorization(PlatformPolicies.Operator).WithTags("Allocation");
        api.MapPost("/", RunAsync)
            .WithSummary("Allocates shippable orders (complete, partial or batch); priority first, held skipped. Idempotent by runId.")
            .Produces<AllocationReport>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/{runId}", GetAsync).WithSummary("A run's report.")
            .Produces<AllocationReport>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static Refusal? Validate(AllocationRunRequest request, out AllocationOption option)
    {
        option = default;
        if (request.RunId is not { Length: > 0 and <= 64 } id || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            return new("allocation.run_id_invalid", "runId is 1 to 64 letters, digits, '-' or '_'.");
        if (!Enum.TryParse(request.Option, ignoreCase: true, out option) || !Enum.IsDefined(option) || request.Option!.Any(char.IsDigit))
            return new("allocation.option_invalid", "option is complete, partial or batch.");
        if (request.OrderIds is { Count: > 1000 })
            return new("allocation.too_many_orders", "A run names at most 1,000 orders; name none to allocate every shippable order.");
        return null;
    }

    private static async Task<IResult> RunAsync(IDocumentSession session, TimeProvider clock, AllocationRunRequest request, CancellationToken ct)
    {
        if (Validate(request, out var option) is { } refusal)
            return refusal.ToProblem();
        var runId = request.RunId!;
        var fingerprint = IdempotentRequest.Fingerprint(new { option, orders = request.OrderIds?.Order().ToList() });
        for (var attempt = 1; ; attempt++)
        {
            if (await session.LoadAsync<AllocationRunRecord>(runId, ct) is { } earlier)
                return earlier.Fingerprint == fingerprint
                    ? TypedResults.Ok(Report(earlier))
                    : ProblemCodes.Conflict("allocation.run_id_reused", $"Run '{runId}' was already made with another option or other orders.");

            var (candidates, reservations) = await AllocationRun.CandidatesAsync(session, request.OrderIds, ct);
            var streams = await StockStreams.FetchAsync(session, candidates.SelectMany(c => c.Lines).Select(l => l.LevelId), ct);
            var plan = AllocationPlanner.Plan(candidates, AllocationRun.Free(streams.Levels, candidates), option);
            var run = new AllocationRunRecord(runId, option, fingerprint, plan, clock.GetUtcNow());
            AllocationRun.Record(session, streams, runId, plan, reservations, run.At);
            session.Insert(run);
            try
            {
                await session.SaveChangesAsync(ct);
                return TypedResults.Ok(Report(run));
            }
            catch (Exception exception) when (WriteConflict.IsAny(exception) && attempt < 10)
            {
                // Another run allocated from the same levels (or took this id) meanwhile: plan again on what it left.
                session.EjectAllPendingChanges();
                session.EjectAllOfType(typeof(Reservations.Reservation));
            }
        }
    }

    private static async Task<IResult> GetAsync(IQuerySession session, string runId, CancellationToken ct) =>
        await session.LoadAsync<AllocationRunRecord>(runId, ct) is { } run
            ? TypedResults.Ok(Report(run))
            : ProblemCodes.NotFound("allocation.run_not_found", $"No allocation run '{runId}'.");

    private static AllocationReport Report(AllocationRunRecord run) => new(run.Id, run.Option, run.At, run.Orders);
}
