using System.Security.Claims;
using Marten;
using OmniChannel.Pickup.Features.Cancellations;
using OmniChannel.Pickup.Features.PickupRequests;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.Pickup.Features.Printing;

/// <param name="SlipWithHistory">PUP-2: cancellation slips list the whole cancellation history; unchanged when absent.</param>
public sealed record PrintSettingsRequest(IReadOnlyList<int>? Minutes, bool? SlipWithHistory = null);

/// <summary>A store's printing: its slots, when it last printed and when it prints next (PUP-1), how its cancellation slips print (PUP-2).</summary>
public sealed record PrintingView(string StoreId, IReadOnlyList<int> Minutes, DateTimeOffset? LastPrintAt, DateTimeOffset NextPrintAt,
    bool SlipWithHistory);

/// <summary>
/// PUP-1 at a store: its print schedule (read, set), "print pending now", and its print queue for the store's print agent
/// (list, download a job's PDF, acknowledge it); PUP-7: reprint any receipt. Each for the store's own terminals only.
/// </summary>
public static class PrintingEndpoints
{
    public static IEndpointRouteBuilder MapPrinting(this IEndpointRouteBuilder app)
    {
        var store = app.MapGroup("/api/pickups/stores/{storeId}").RequireAuthorization(PlatformPolicies.StoreWork).WithTags("Pickup printing");
        store.MapGet("/printing", async Task<IResult> (string storeId, ClaimsPrincipal user, IQuerySession session, TimeProvider clock,
                CancellationToken ct) => await StoreOf(session, user, storeId, ct) is var (location, problem) && problem is not null ? problem
                : TypedResults.Ok(await ViewAsync(session, location!, clock, ct)))
            .WithSummary("The store's print slots (minutes of the hour), its last print and its next (PUP-1).")
            .Produces<PrintingView>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        store.MapPut("/printing", async Task<IResult> (string storeId, PrintSettingsRequest request, ClaimsPrincipal user, IDocumentSession session,
                TimeProvider clock, CancellationToken ct) =>
            {
                var (location, problem) = await StoreOf(session, user, storeId, ct);
                if (problem is not null)
                    return problem;
                if (PrintSchedule.Validate(request.Minutes) is { } invalid)
                    return invalid.ToProblem();
                var settings = await session.LoadAsync<PrintSettings>(storeId, ct);
                session.Store(new PrintSettings(storeId, request.Minutes!.Order().ToList(), settings?.LastPrintAt,
                    request.SlipWithHistory ?? settings?.SlipWithHistory ?? false));
                await session.SaveChangesAsync(ct);
                return TypedResults.Ok(await ViewAsync(session, location!, clock, ct));
            })
            .WithSummary("Sets the minutes of the hour the store prints its receipts at, in 5-minute steps (PUP-1), and whether its cancellation slips list the whole cancellation history (PUP-2).")
            .Produces<PrintingView>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        store.MapPost("/printing/run", async Task<IResult> (string storeId, ClaimsPrincipal user, IQuerySession session, ReceiptPrinter printer,
                CancellationToken ct) => await StoreOf(session, user, storeId, ct) is var (location, problem) && problem is not null ? problem
                : TypedResults.Ok(await printer.PrintPendingAsync(location!, ct)))
            .WithSummary("Print pending now (PUP-1): every receipt not printed yet goes on the store's print queue; answers the jobs.")
            .Produces<IReadOnlyList<PrintJobView>>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        store.MapGet("/print-jobs", async Task<IResult> (string storeId, bool? acknowledged, ClaimsPrincipal user, IQuerySession session,
                CancellationToken ct) =>
            {
                var (_, problem) = await StoreOf(session, user, storeId, ct);
                if (problem is not null)
                    return problem;
                var jobs = session.Query<PrintJob>().Where(j => j.StoreId == storeId);
                jobs = acknowledged == true ? jobs.Where(j => j.AcknowledgedAt != null) : jobs.Where(j => j.AcknowledgedAt == null);
                return TypedResults.Ok((await jobs.OrderBy(j => j.CreatedAt).Take(200).ToListAsync(ct)).Select(PrintJobView.Of).ToList());
            })
            .WithSummary("The store's print queue, for its print agent: the jobs not acknowledged yet (acknowledged=true: the printed ones), oldest first.")
            .Produces<IReadOnlyList<PrintJobView>>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        var jobs = app.MapGroup("/api/pickups/print-jobs/{jobId}").RequireAuthorization(PlatformPolicies.StoreWork).WithTags("Pickup printing");
        jobs.MapGet("/document", async Task<IResult> (string jobId, ClaimsPrincipal user, IQuerySession session, CancellationToken ct) =>
                await JobOf(session, user, jobId, ct) is var (job, problem) && problem is not null ? problem
                : TypedResults.File(job!.Pdf, "application/pdf", $"{job.ReceiptNumber}.pdf"))
            .WithSummary("A print job's document: the receipt as a PDF.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf").ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        jobs.MapPost("/acknowledgement", async Task<IResult> (string jobId, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock,
                CancellationToken ct) =>
            {
                var (job, problem) = await JobOf(session, user, jobId, ct);
                if (problem is not null)
                    return problem;
                if (job!.AcknowledgedAt is null) // acknowledging twice changes nothing
                {
                    job = job with { AcknowledgedAt = clock.GetUtcNow() };
                    // PUP-2: a printed cancellation slip takes its items off the hanger, in the acknowledgement's commit.
                    var offHanger = job.Kind == PrintJobKind.CancellationSlip
                        ? await PickupStream.DecideAsync(session, job.PickupId, (request, staged) =>
                        {
                            staged.Store(job);
                            return CancellationSlipRules.TakeOffHanger(request, job.Id, job.AcknowledgedAt.Value);
                        }, ct)
                        : null;
                    if (offHanger is not { Events.Count: > 0 })
                    {
                        session.Store(job);
                        await session.SaveChangesAsync(ct);
                    }
                }
                return TypedResults.Ok(PrintJobView.Of(job));
            })
            .WithSummary("The print agent printed the job: it leaves the store's queue; a cancellation slip's items are then off the hanger (PUP-2). Idempotent.")
            .Produces<PrintJobView>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        app.MapPost("/api/pickups/{pickupId:guid}/reprint", async Task<IResult> (Guid pickupId, ClaimsPrincipal user, IDocumentSession session,
                ReceiptPrinter printer, CancellationToken ct) =>
            {
                if (await session.LoadAsync<PickupRequest>(pickupId, ct) is not { } request)
                    return ProblemCodes.NotFound("pickup.not_found", $"No pickup request {pickupId}.");
                var (location, problem) = await StoreOf(session, user, request.StoreId, ct);
                if (problem is not null)
                    return problem;
                return await printer.PrintAsync(session, pickupId, location!, PrintJobKind.Reprint, ct) is { } job
                    ? TypedResults.Ok(job)
                    : ProblemCodes.Conflict("pickup.changed", "The pickup changed while its receipt was printed: reprint it again.");
            })
            .RequireAuthorization(PlatformPolicies.StoreWork)
            .WithTags("Pickup printing")
            .WithSummary("Reprints a receipt (PUP-7): its PDF goes on the store's print queue again.")
            .Produces<PrintJobView>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<PrintingView> ViewAsync(IQuerySession session, PickupLocation location, TimeProvider clock, CancellationToken ct)
    {
        var settings = await session.LoadAsync<PrintSettings>(location.StoreId, ct);
        var minutes = settings?.Minutes ?? PrintSchedule.EverySlot;
        return new PrintingView(location.StoreId, minutes, settings?.LastPrintAt,
            PrintSchedule.Next(minutes, clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(location.TimeZone)), settings?.SlipWithHistory ?? false);
    }

    private static async Task<(PickupLocation?, IResult?)> StoreOf(IQuerySession session, ClaimsPrincipal user, string storeId, CancellationToken ct)
    {
        if (await session.LoadAsync<PickupLocation>(storeId, ct) is not { } location)
            return (null, ProblemCodes.NotFound("store.not_found", $"'{storeId}' is not a pickup store."));
        return user.MayActFor(storeId) is { } otherStore ? (null, otherStore.ToProblem()) : (location, null);
    }

    private static async Task<(PrintJob?, IResult?)> JobOf(IQuerySession session, ClaimsPrincipal user, string jobId, CancellationToken ct)
    {
        if (await session.LoadAsync<PrintJob>(jobId, ct) is not { } job)
            return (null, ProblemCodes.NotFound("print_job.not_found", $"No print job '{jobId}'."));
        return user.MayActFor(job.StoreId) is { } otherStore ? (null, otherStore.ToProblem()) : (job, null);
    }
}
