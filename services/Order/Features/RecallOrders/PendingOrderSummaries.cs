using Marten;
using OmniChannel.Order.Features.CreateOrder;
using OmniChannel.Order.Features.MasterData;

namespace OmniChannel.Order.Features.RecallOrders;

/// <summary>
/// ORD-6 / ORD-9: a channel transaction first stored and not yet created gets its Pending <see cref="OrderSummary"/> in the same
/// commit, whichever code stores it, so a terminal finds it by its confirmation number, customer or store as soon as it
/// has the number. Runs after the inline projections: a transaction created in this very commit (synchronous creation)
/// is left to <see cref="OrderSummaryProjection"/>, which has just written its order's summary. The customer's contact is
/// read now, as known when the order is taken: one batched read, only for commits that store such a transaction.
/// </summary>
public sealed class PendingOrderSummaries : DocumentSessionListenerBase
{
    public override async Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        // Only a transaction first stored now (its insert): a later store of an older one never turns its order back to
        // Pending. One may be stored twice in a commit (received, then created): its last state counts.
        var inserted = session.PendingChanges.InsertsFor<TerminalTransaction>().Select(t => t.Id).ToHashSet();
        if (inserted.Count == 0)
            return;
        var received = session.PendingChanges.AllChangedFor<TerminalTransaction>()
            .GroupBy(t => t.Id)
            .Select(stored => stored.Last())
            .Where(t => t.Status == TransactionStatus.Received && inserted.Contains(t.Id))
            .ToList();
        if (received.Count == 0)
            return;
        var customerIds = received.Select(t => t.Order.CustomerId).Distinct().ToArray();
        var customers = (await session.LoadManyAsync<Customer>(token, customerIds)).ToDictionary(c => c.Id);
        foreach (var transaction in received)
            session.Store(OrderSummary.Pending(transaction, CustomerContact.Of(customers.GetValueOrDefault(transaction.Order.CustomerId))));
    }
}
