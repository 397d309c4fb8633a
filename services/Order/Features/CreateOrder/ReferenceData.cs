using Marten;
using OmniChannel.Order.Features.MasterData;

namespace OmniChannel.Order.Features.CreateOrder;

/// <summary>Everything POST /api/orders reads before deciding, fetched in one batched round trip to PostgreSQL.</summary>
internal static class ReferenceData
{
    public static async Task<(TerminalTransaction? Existing, OrderReferenceData Order)> LoadAsync(IDocumentSession session,
        CreateOrderRequest request, string idempotencyKey, CancellationToken ct)
    {
        var skus = (request.Lines ?? []).Select(l => l.Sku).OfType<string>().Distinct().ToArray();
        var batch = session.CreateBatchQuery();
        var existing = batch.Load<TerminalTransaction>(idempotencyKey);
        var store = batch.Load<StoreSettings>(request.StoreId ?? "");
        var customer = batch.Load<Customer>(request.CustomerId ?? "");
        var parameters = batch.Load<CustomerOrderParameters>(CustomerOrderParameters.DefaultId);
        var products = batch.LoadMany<ProductInfo>().ById(skus);
        var groups = batch.Query<FulfillmentGroup>().ToList();
        var tenders = batch.Query<AcceptedTender>().ToList();
        await batch.Execute(ct);

        var storeSettings = await store;
        var group = storeSettings is null ? null : (await groups).FirstOrDefault(g => g.Id == storeSettings.FulfillmentGroupId);
        return (await existing, new OrderReferenceData(storeSettings, await customer, group,
            await parameters ?? throw new InvalidOperationException("Customer-order parameters are missing."),
            (await products).ToDictionary(p => p.Sku),
            (await tenders).SelectMany(t => t.CardTypeIds).ToHashSet()));
    }
}
