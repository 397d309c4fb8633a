using JasperFx.Events;
using Marten;
using OmniChannel.InventoryAllocation.Features.Stock;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Persistence;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.InventoryAllocation.Features.Products;

/// <summary>INV-2: a SKU's status flags changed; an event of the one status feed stream.</summary>
public sealed record SkuStatusChanged(string Sku, SkuStatus Status, DateTimeOffset ChangedAt);

/// <summary>One entry of the feed: its cursor, the SKU's flags and what a storefront may show as available online now.</summary>
public sealed record SkuStatusFeedItem(long Cursor, string Sku, SkuStatus Status, DateTimeOffset ChangedAt, int OnlineAvailable);

public sealed record SkuStatusFeedPage(IReadOnlyList<SkuStatusFeedItem> Items, long Next);

/// <summary>
/// INV-2: a merchandiser sets a SKU's status flags; storefronts that poll read the changes after their cursor. Every
/// change is appended to one stream at the version read, so its versions are the cursor: gap-free and in commit order
/// (a global event sequence can show a later number before an earlier one commits, and a poller would skip it).
/// </summary>
public static class SkuStatusFeed
{
    public const string StreamKey = "sku-status-feed";

    public static IEndpointRouteBuilder MapSkuStatus(this IEndpointRouteBuilder app)
    {
        app.MapPut("/api/inventory/products/{sku}/status", SetAsync).RequireAuthorization(PlatformPolicies.MasterData).WithTags("Products")
            .WithSummary("Sets a SKU's status flags (INV-2): discontinued, reorder decision, forced sold-out, limited stock.")
            .Produces<Product>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/api/inventory/sku-status-feed", ReadAsync).RequireAuthorization(PlatformPolicies.ReferenceData).WithTags("Products")
            .WithSummary("Status changes after a cursor, oldest first, for storefronts that poll; `next` is the cursor to ask with next time.")
            .Produces<SkuStatusFeedPage>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<IResult> SetAsync(IDocumentSession session, TimeProvider clock, string sku, SkuStatus status, CancellationToken ct)
    {
        if (status.Validate() is { } refusal)
            return refusal.ToProblem();
        for (var attempt = 1; ; attempt++)
        {
            if (await session.LoadAsync<Product>(sku, ct) is not { } product)
                return ProblemCodes.NotFound("product.not_found", $"No product has SKU '{sku}'.");
            var changed = product with { Status = status, Revision = product.Revision + 1 };
            session.Store(changed);
            var change = new SkuStatusChanged(sku, status, clock.GetUtcNow());
            if (await session.Events.FetchStreamStateAsync(StreamKey, ct) is null)
                session.Events.StartStream(StreamKey, change);
            else
                await session.Events.AppendOptimistic(StreamKey, ct, change);
            try
            {
                await session.SaveChangesAsync(ct);
                return TypedResults.Ok(changed);
            }
            catch (Exception exception) when (WriteConflict.IsAny(exception) && attempt < 10)
            {
                session.EjectAllPendingChanges(); // another SKU's change took the feed's next version: append after it
                session.EjectAllOfType(typeof(Product));
            }
        }
    }

    private static async Task<IResult> ReadAsync(IQuerySession session, long? since, int? limit, CancellationToken ct)
    {
        if (since is < 0)
            return ProblemCodes.BadRequest("feed.since_invalid", "since is a cursor from an earlier page: 0 or more.");
        if (limit is < 1 or > 500)
            return ProblemCodes.BadRequest("feed.limit_invalid", "limit is 1 to 500.");
        var after = since ?? 0;
        var items = await ReadPageAsync(session, after, limit ?? 100, ct);
        return TypedResults.Ok(new SkuStatusFeedPage(items, items.Count > 0 ? items[^1].Cursor : after));
    }

    /// <summary>Up to <paramref name="take"/> changes after the cursor, oldest first, with what may show as available online now (the pull feed and the push read the same).</summary>
    public static async Task<IReadOnlyList<SkuStatusFeedItem>> ReadPageAsync(IQuerySession session, long after, int take, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(StreamKey, fromVersion: after + 1, token: ct);
        var page = events.Take(take).Select(e => (Version: e.Version, Change: (SkuStatusChanged)e.Data)).ToList();
        var skus = page.Select(p => p.Change.Sku).Distinct().ToArray();
        var available = (await session.Query<StockLevel>().Where(l => l.Sku.IsOneOf(skus)).ToListAsync(ct))
            .GroupBy(l => l.Sku).ToDictionary(g => g.Key, g => g.Sum(l => l.Available));
        return page.Select(p => new SkuStatusFeedItem(p.Version, p.Change.Sku, p.Change.Status, p.Change.ChangedAt,
            p.Change.Status.OnlineAvailable(available.GetValueOrDefault(p.Change.Sku)))).ToList();
    }
}
