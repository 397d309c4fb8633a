using System.Text.Json.Serialization;
using Marten;
using OmniChannel.ServiceDefaults.Http;
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
        var fingerprint = Fingerprint(option, request.OrderIds);
        var run = await AllocationRun.MakeAsync(session, clock, runId, option, request.OrderIds, fingerprint, ct);
        return run.Fingerprint == fingerprint
            ? TypedResults.Ok(Report(run))
            : ProblemCodes.Conflict("allocation.run_id_reused", $"Run '{runId}' was already made with another option or other orders.");
    }

    /// <summary>What a run was asked (its option and orders): the same id asked otherwise is refused.</summary>
    public static string Fingerprint(AllocationOption option, IReadOnlyList<Guid>? orderIds) =>
        IdempotentRequest.Fingerprint(new { option, orders = orderIds?.Order().ToList() });

    private static async Task<IResult> GetAsync(IQuerySession session, string runId, CancellationToken ct) =>
        await session.LoadAsync<AllocationRunRecord>(runId, ct) is { } run
            ? TypedResults.Ok(Report(run))
            : ProblemCodes.NotFound("allocation.run_not_found", $"No allocation run '{runId}'.");

    private static AllocationReport Report(AllocationRunRecord run) => new(run.Id, run.Option, run.At, run.Orders);
}
