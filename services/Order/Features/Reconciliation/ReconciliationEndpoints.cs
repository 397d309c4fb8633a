using Marten;
using Marten.Linq.LastModified;
using OmniChannel.Order.Orders;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.Order.Features.Reconciliation;

public sealed record OrderReconciliation(string ConfirmationNumber, Guid OrderId, string Status, decimal Total, bool Agrees, IReadOnlyList<string> Differences);

/// <param name="Checked">Orders looked at.</param>
/// <param name="Disagreeing">Only the orders whose status, ledger and processor disagree.</param>
public sealed record ReconciliationRun(DateTimeOffset? ChangedSince, int Checked, int Agreeing, IReadOnlyList<OrderReconciliation> Disagreeing);

/// <summary>
/// Issue 12: order status, ledger and processor agree, checked per order (<c>GET /api/orders/{cn}/reconciliation</c>,
/// an operator's read) and for all orders (<c>POST /operations/reconciliation</c>, the dashboard's "Reconcile orders"
/// command; <c>?changedSince=</c> limits it to the orders changed since then, as the tests do after every scenario).
/// </summary>
public static class ReconciliationEndpoints
{
    /// <summary>Orders reconciled at once: each is a call to the Payment service, which asks the processor.</summary>
    private const int Parallelism = 4;

    public static IEndpointRouteBuilder MapOrderReconciliation(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/orders/{confirmationNumber}/reconciliation", async Task<IResult> (string confirmationNumber, IQuerySession session,
                PaymentRecords payments, CancellationToken ct) =>
                await session.LoadAsync<CustomerOrder>(confirmationNumber, ct) is { } order
                    ? TypedResults.Ok(await ReconcileAsync(order, payments, ct))
                    : ProblemCodes.NotFound("order.not_found", $"No order has confirmation number '{confirmationNumber}'."))
            .RequireAuthorization(PlatformPolicies.Audit)
            .WithTags("Orders")
            .WithSummary("Whether the order's status, its payment ledger and the processor agree, and where they do not (operators).")
            .Produces<OrderReconciliation>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static RouteGroupBuilder MapReconcileAll(this RouteGroupBuilder operations)
    {
        operations.MapPost("/reconciliation", async (DateTimeOffset? changedSince, IQuerySession session, PaymentRecords payments,
            CancellationToken ct) =>
        {
            IQueryable<CustomerOrder> orders = session.Query<CustomerOrder>();
            if (changedSince is { } since)
                orders = orders.Where(o => o.ModifiedSince(since));
            // Streamed from PostgreSQL, not loaded: "all orders" may be millions.
            var results = new System.Collections.Concurrent.ConcurrentBag<OrderReconciliation>();
            await Parallel.ForEachAsync(orders.ToAsyncEnumerable(ct), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
                async (order, token) => results.Add(await ReconcileAsync(order, payments, token)));
            var disagreeing = results.Where(r => !r.Agrees).ToList();
            return new ReconciliationRun(changedSince, results.Count, results.Count - disagreeing.Count, disagreeing);
        });
        return operations;
    }

    private static async Task<OrderReconciliation> ReconcileAsync(CustomerOrder order, PaymentRecords payments, CancellationToken ct)
    {
        var differences = MoneyAgreement.Differences(order, await payments.LedgerAsync(order.OrderId, ct));
        return new OrderReconciliation(order.Id, order.OrderId, order.Status.ToString(), order.Total, differences.Count == 0, differences);
    }
}
