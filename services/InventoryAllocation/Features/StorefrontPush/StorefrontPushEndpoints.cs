using Marten;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Security;
using OmniChannel.ServiceDefaults.Webhooks;
using Quartz;

namespace OmniChannel.InventoryAllocation.Features.StorefrontPush;

/// <summary>One delivery of the log, as an operator or merchandiser reads it.</summary>
public sealed record WebhookDeliveryView(string Id, string StorefrontId, string Type, string Url, DateTimeOffset CreatedAt,
    WebhookDeliveryStatus Status, DateTimeOffset? NextAttemptAt, long? FromCursor, long? ToCursor, IReadOnlyList<WebhookAttempt> Attempts)
{
    public static WebhookDeliveryView Of(WebhookDelivery d) => new(d.Id, d.StorefrontId, d.Type, d.Url, d.CreatedAt, d.Status,
        d.Status == WebhookDeliveryStatus.Pending ? d.NextAttemptAt : null, d.FromCursor, d.ToCursor, d.Attempts);
}

/// <summary>INV-2's push for the people who watch it: the delivery log, and "push now".</summary>
public static class StorefrontPushEndpoints
{
    public static IEndpointRouteBuilder MapStorefrontPush(this IEndpointRouteBuilder app)
    {
        var push = app.MapGroup("/api/inventory/storefront-push").RequireAuthorization(PlatformPolicies.StorefrontPush).WithTags("Storefront push");
        push.MapGet("/deliveries", ReadLogAsync)
            .WithSummary("The delivery log, newest first: every webhook sent to a storefront and each attempt's time, HTTP status, latency and error.")
            .Produces<IReadOnlyList<WebhookDeliveryView>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        push.MapPost("/run", PushNowAsync)
            .WithSummary("Pushes now: every storefront's pending changes, and failed deliveries without waiting their back-off. The log shows the outcome.")
            .Produces(StatusCodes.Status202Accepted);
        app.MapOperatorActions().MapPost("/storefront-push", PushNowAsync); // the dashboard's "Push to storefronts now" on the inventory resource
        return app;
    }

    private static async Task<IResult> ReadLogAsync(IQuerySession session, string? storefront, WebhookDeliveryStatus? status, int? limit, CancellationToken ct)
    {
        if (limit is < 1 or > 500)
            return ProblemCodes.BadRequest("push.limit_invalid", "limit is 1 to 500.");
        if (storefront is { Length: 0 or > 100 })
            return ProblemCodes.BadRequest("push.storefront_invalid", "storefront is a storefront id of 1 to 100 characters.");
        var query = session.Query<WebhookDelivery>().AsQueryable();
        if (storefront is not null)
            query = query.Where(d => d.StorefrontId == storefront);
        if (status is { } wanted)
            query = query.Where(d => d.Status == wanted);
        var deliveries = await query.OrderByDescending(d => d.CreatedAt).Take(limit ?? 50).ToListAsync(ct);
        return TypedResults.Ok(deliveries.Select(WebhookDeliveryView.Of).ToList());
    }

    private static async Task<IResult> PushNowAsync(IServiceProvider services, CancellationToken ct)
    {
        // Fired through the scheduler, not run here: the job never runs twice at once, so a storefront never gets one
        // delivery twice in parallel. The scheduler's parts are registered under its name (Quartz's named schedulers).
        var factory = services.GetKeyedService<ISchedulerFactory>(StorefrontPushRegistration.SchedulerName)
                      ?? services.GetRequiredService<ISchedulerFactory>();
        var scheduler = await factory.LookupScheduler(StorefrontPushRegistration.SchedulerName, ct) ?? await factory.GetScheduler(ct);
        await scheduler.TriggerJob(StorefrontPushJob.Key, new JobDataMap { [StorefrontPushJob.NowKey] = "true" }, ct);
        return TypedResults.Accepted("/api/inventory/storefront-push/deliveries");
    }
}
