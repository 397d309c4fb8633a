using Marten;
using OmniChannel.PaymentToken.Connectors;
using OmniChannel.PaymentToken.Payments;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.PaymentToken.Features.Ledger;

public sealed record ReconciliationView(Guid OrderId, bool Reconciles, LedgerTotals Ledger, ProcessorTotals Processor, IReadOnlyList<string> Differences);

/// <summary>What the processor did under this order's keys, approved operations only.</summary>
public sealed record ProcessorTotals(decimal Authorized, decimal Captured, decimal Voided, decimal Refunded, int Operations);

/// <summary>
/// Money neither appears nor disappears: every approved operation the processor answered under this order's keys
/// (through each connector the order used) is in the ledger with the same token and amount, and the ledger has
/// nothing the processor did not do. Voids are compared by what they released.
/// </summary>
public static class GetReconciliation
{
    public static IEndpointRouteBuilder MapReconciliation(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/payments/orders/{orderId:guid}/reconciliation", async Task<IResult> (IQuerySession session, IConnectors connectors,
                Guid orderId, CancellationToken ct) =>
            {
                if (await session.LoadAsync<OrderPayments>(orderId, ct) is not { } payments)
                    return PaymentHttp.PaymentsNotFound(orderId);
                return TypedResults.Ok(await ReconcileAsync(payments, connectors, ct));
            })
            .RequireAuthorization(PlatformPolicies.Audit)
            .WithTags("Payments")
            .WithSummary("The order's ledger checked against the processor's own record of every call made for the order.")
            .Produces<ReconciliationView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<ReconciliationView> ReconcileAsync(OrderPayments payments, IConnectors connectors, CancellationToken ct)
    {
        var operations = new List<(string Kind, ProcessorResult Answer, string Key)>();
        foreach (var tender in payments.Tenders.Select(t => t.Tender).Concat(payments.Pending.Select(p => p.NewTender).OfType<CardTender>())
                     .DistinctBy(t => t.MerchantId)) // a merchant's keys are one namespace, whichever of its connectors asked
        {
            var connector = connectors.For(tender.ConnectorId, tender.MerchantId, tender.CardPresent);
            foreach (var operation in await connector.OperationsAsync($"{payments.Id:N}:", ct))
                if (operation.Answer.Approved)
                    operations.Add((operation.Kind, operation.Answer, operation.Key));
        }

        var ledger = LedgerTotals.Of(payments);
        var processor = new ProcessorTotals(
            operations.Where(o => o.Kind == "authorize").Sum(o => o.Answer.Amount),
            operations.Where(o => o.Kind == "capture").Sum(o => o.Answer.Amount),
            operations.Where(o => o.Kind == "void").Sum(o => o.Answer.Amount),
            operations.Where(o => o.Kind == "refund").Sum(o => o.Answer.Amount),
            operations.Count);

        var differences = new List<string>();
        var ours = payments.Tenders.SelectMany(t => t.Authorizations.Select(a => (a.Token, a.Amount)))
            .Concat(payments.Tenders.SelectMany(t => t.Captures.Select(c => (c.Token, c.Amount))))
            .Concat(payments.Refunds.Select(r => (r.Token, r.Amount)))
            .ToHashSet();
        foreach (var (kind, answer, key) in operations.Where(o => o.Kind is "authorize" or "capture" or "refund"))
            if (!ours.Contains((answer.Token!, answer.Amount)))
                differences.Add($"The processor's {kind} {answer.Token} of {answer.Amount:0.00} (key {key}) is not in the ledger.");
        var theirs = operations.Select(o => (o.Answer.Token, o.Answer.Amount)).ToHashSet();
        foreach (var (token, amount) in ours.Where(x => !theirs.Contains(x)))
            differences.Add($"The ledger's {token} of {amount:0.00} is unknown to the processor.");
        if (processor.Voided != ledger.Voided)
            differences.Add($"The processor released {processor.Voided:0.00} by voids, the ledger {ledger.Voided:0.00}.");
        if (payments.Pending.Count > 0)
            differences.Add($"{payments.Pending.Count} processor call(s) are still being recorded.");
        if (!ledger.Reconciles)
            differences.Add("The ledger's own totals do not add up.");
        return new ReconciliationView(payments.Id, differences.Count == 0, ledger, processor, differences);
    }
}
