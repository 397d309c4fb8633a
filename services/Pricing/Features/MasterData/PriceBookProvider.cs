using Marten;
using OmniChannel.Pricing.Engine;
using OmniChannel.Pricing.Engine.Model;
using OmniChannel.Pricing.Features.PriceCheck;

namespace OmniChannel.Pricing.Features.MasterData;

/// <summary>
/// The compiled price book every request prices with: loaded from Marten in one round trip and compiled once, then
/// shared until it is older than <c>Pricing:PriceBookMaxAge</c> (default 5 s; other instances' writes show up within
/// that) or this instance changes master data. While one request reloads, the others keep pricing with the last book.
/// Product base prices are not in it: they are read per request, so a price change applies at once.
/// </summary>
public sealed class PriceBookProvider(IDocumentStore store, TimeProvider clock, IConfiguration configuration, ILogger<PriceBookProvider> logger)
{
    private readonly SemaphoreSlim reload = new(1, 1);
    private readonly TimeSpan maxAge = configuration.GetValue("Pricing:PriceBookMaxAge", TimeSpan.FromSeconds(5));
    private volatile Snapshot? current;
    private int generation;

    private sealed record Snapshot(PriceBook Book, DateTimeOffset LoadedAt);

    public async ValueTask<PriceBook> CurrentAsync(CancellationToken ct)
    {
        var snapshot = current;
        if (snapshot is not null && clock.GetUtcNow() - snapshot.LoadedAt < maxAge)
            return snapshot.Book;
        if (snapshot is not null && !reload.Wait(0))
            return snapshot.Book; // someone is reloading: the last book will do meanwhile
        if (snapshot is null)
            await reload.WaitAsync(ct);
        try
        {
            if (current is { } fresh && !ReferenceEquals(fresh, snapshot) && clock.GetUtcNow() - fresh.LoadedAt < maxAge)
                return fresh.Book;
            var started = Volatile.Read(ref generation);
            var book = PriceBook.Compile(await LoadAsync(ct));
            foreach (var (id, reason) in book.Rejected)
                logger.LogWarning("Discount {DiscountId} is left out of pricing: {Reason}", id, reason);
            // A write during the load may be missing from it: then the book serves this request and is reloaded next.
            current = new Snapshot(book, started == Volatile.Read(ref generation) ? clock.GetUtcNow() : DateTimeOffset.MinValue);
            return book;
        }
        finally
        {
            reload.Release();
        }
    }

    /// <summary>After this instance wrote master data: the next request waits for a book that has it.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref generation);
        current = null;
    }

    private async Task<Engine.Model.MasterData> LoadAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var batch = session.CreateBatchQuery();
        var stores = batch.Query<StorePricing>().ToList();
        var agreements = batch.Query<TradeAgreement>().ToList();
        var discounts = batch.Query<Discount>().ToList();
        var coupons = batch.Query<Coupon>().ToList();
        var groups = batch.Query<PermissionGroup>().ToList();
        var affiliations = batch.Query<Affiliation>().ToList();
        var loyalty = batch.Query<LoyaltyProgram>().ToList();
        var catalogs = batch.Query<Catalog>().ToList();
        await batch.Execute(ct);
        return new Engine.Model.MasterData(
            (await stores).Select(s => new Store(s.StoreId, s.PriceGroup, s.Currency)).ToList(),
            await agreements, await discounts, await coupons, await groups, await affiliations, await loyalty, await catalogs);
    }
}
