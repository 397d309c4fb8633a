using System.Collections.Concurrent;
using Marten;
using OmniChannel.Order.Features.MasterData;

namespace OmniChannel.Order.Features.CreateOrder;

/// <summary>
/// What POST /api/orders decides with: the store, the customer, the SKUs, the fulfillment group, the parameters and
/// the accepted card types. They change seldom and only through master data, so the API keeps what it read for
/// <see cref="Lifetime"/> and a terminal's request usually needs no read before its insert. What is not kept yet (a
/// product registered a moment ago, a customer seen for the first time) is read at once, in one batched round trip, so
/// nothing new is refused; a change of what is kept (a store's creation mode, a fulfillment group) applies within the
/// lifetime.
/// </summary>
public sealed class ReferenceData(IDocumentStore store, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    /// <summary>Past this many entries of one kind the expired ones are dropped (they are read again anyway), so a chain's customers do not pile up.</summary>
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, Kept<StoreSettings>> stores = new();
    private readonly ConcurrentDictionary<string, Kept<Customer>> customers = new();
    private readonly ConcurrentDictionary<string, Kept<ProductInfo>> products = new();
    private volatile Kept<Company>? company;

    public async Task<OrderReferenceData> LoadAsync(CreateOrderRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (storeId, customerId) = (request.StoreId ?? "", request.CustomerId ?? "");
        var skus = (request.Lines ?? []).Select(l => l.Sku).OfType<string>().Distinct().ToArray();

        var missingSkus = skus.Where(sku => !Fresh(products, sku, now)).ToArray();
        var needStore = !Fresh(stores, storeId, now);
        var needCustomer = !Fresh(customers, customerId, now);
        var needCompany = company is not { } kept || kept.Expired(now);
        if (needStore || needCustomer || needCompany || missingSkus.Length > 0)
            await ReadAsync(storeId, needStore, customerId, needCustomer, missingSkus, needCompany, now, ct);

        var storeSettings = Get(stores, storeId);
        var shared = company!.Value;
        return new OrderReferenceData(storeSettings, Get(customers, customerId),
            storeSettings is null ? null : shared.Groups.FirstOrDefault(g => g.Id == storeSettings.FulfillmentGroupId),
            shared.Parameters,
            skus.Select(sku => Get(products, sku)).OfType<ProductInfo>().ToDictionary(p => p.Sku),
            shared.CardTypeIds);
    }

    private async Task ReadAsync(string storeId, bool needStore, string customerId, bool needCustomer, string[] skus, bool needCompany,
        DateTimeOffset now, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var batch = session.CreateBatchQuery();
        var storeSettings = needStore ? batch.Load<StoreSettings>(storeId) : null;
        var customer = needCustomer ? batch.Load<Customer>(customerId) : null;
        var found = skus.Length > 0 ? batch.LoadMany<ProductInfo>().ById(skus) : null;
        var parameters = needCompany ? batch.Load<CustomerOrderParameters>(CustomerOrderParameters.DefaultId) : null;
        var groups = needCompany ? batch.Query<FulfillmentGroup>().ToList() : null;
        var tenders = needCompany ? batch.Query<AcceptedTender>().ToList() : null;
        await batch.Execute(ct);

        // Only what exists is kept: an unknown id is read again next time, so it is known as soon as it is registered.
        if (storeSettings is not null)
            Keep(stores, storeId, await storeSettings, now);
        if (customer is not null)
            Keep(customers, customerId, await customer, now);
        if (found is not null)
        {
            var read = (await found).ToDictionary(p => p.Sku);
            foreach (var sku in skus)
                Keep(products, sku, read.GetValueOrDefault(sku), now);
        }
        if (parameters is not null)
        {
            var read = new Company(
                await parameters ?? throw new InvalidOperationException("Customer-order parameters are missing."),
                await groups!,
                (await tenders!).SelectMany(t => t.CardTypeIds).ToHashSet());
            // Fulfillment groups and tender types come from their owners' events: until the first have arrived, nothing is
            // kept, so the next order reads them again instead of being refused for 30 s.
            company = new(read, read.Groups.Count > 0 && read.CardTypeIds.Count > 0 ? now : DateTimeOffset.MinValue);
        }
    }

    private static void Keep<T>(ConcurrentDictionary<string, Kept<T>> kept, string id, T? value, DateTimeOffset now) where T : class
    {
        if (value is null)
            kept.TryRemove(id, out _);
        else
            kept[id] = new(value, now);
        if (kept.Count > PruneAbove)
            foreach (var (key, entry) in kept)
                if (entry.Expired(now))
                    kept.TryRemove(key, out _);
    }

    private static bool Fresh<T>(ConcurrentDictionary<string, Kept<T>> kept, string id, DateTimeOffset now) =>
        kept.TryGetValue(id, out var entry) && !entry.Expired(now);

    private static T? Get<T>(ConcurrentDictionary<string, Kept<T>> kept, string id) where T : class =>
        kept.TryGetValue(id, out var entry) ? entry.Value : null;

    private sealed record Kept<T>(T Value, DateTimeOffset ReadAt)
    {
        public bool Expired(DateTimeOffset now) => now - ReadAt >= Lifetime;
    }

    private sealed record Company(CustomerOrderParameters Parameters, IReadOnlyList<FulfillmentGroup> Groups, IReadOnlySet<string> CardTypeIds);
}
