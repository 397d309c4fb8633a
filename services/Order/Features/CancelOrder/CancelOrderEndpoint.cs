using Marten;
using MassTransit;
using OmniChannel.Order.Features.MasterData;
using OmniChannel.Order.Features.Rights;
using OmniChannel.Order.Orders;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Persistence;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.Order.Features.CancelOrder;

/// <param name="ChargePercent">The cancellation charge percent as the cashier confirmed it; the parameters' default when absent (ORD-8).</param>
public sealed record CancelOrderRequest(decimal? ChargePercent);

public sealed record CancellationAccepted(string ConfirmationNumber, string CancellationId, decimal ChargePercent, decimal Charge, string Location);

/// <summary>A cancellation the order took, under the terminal's Idempotency-Key.</summary>
public sealed record CancellationReceipt(string Id, string ConfirmationNumber, string CancellationId, string Fingerprint, decimal ChargePercent,
    decimal Charge, DateTimeOffset ReceivedAt)
{
    public static string IdFor(string confirmationNumber, string idempotencyKey) => $"{confirmationNumber}/{idempotencyKey}";
}

/// <summary>
/// POST /api/orders/{confirmationNumber}/cancellation (ORD-8, PAY-11): the order saga releases the stock, voids open
/// authorizations and refunds the deposit and prepayments minus the charge against their capture tokens. Refused with
/// 409 once anything was fulfilled, or the order is completed or already cancelled.
/// </summary>
public static class CancelOrderEndpoint
{
    public static IEndpointRouteBuilder MapCancelOrder(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/orders/{confirmationNumber}/cancellation", Handle)
            .RequireAuthorization(PlatformPolicies.StoreWork)
            .RequiresIdempotencyKey()
            .WithTags("Orders")
            .WithSummary("Cancels an order with a cancellation charge: stock released, deposit minus the charge refunded (ORD-8, PAY-11).")
            .Produces<CancellationAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<IResult> Handle(string confirmationNumber, CancelOrderRequest request, HttpRequest http, IDocumentSession session,
        TimeProvider clock, CancellationToken ct)
    {
        var (key, problem) = IdempotentRequest.ReadKey(http);
        if (problem is not null)
            return problem;
        var idempotent = new IdempotentRequest<CancellationReceipt>(CancellationReceipt.IdFor(confirmationNumber, key),
            IdempotentRequest.Fingerprint(request), r => r.Fingerprint, Accepted, () => IdempotentRequest.Reused("a different cancellation"));
        var batch = session.CreateBatchQuery();
        var order = batch.Load<CustomerOrder>(confirmationNumber);
        var existing = batch.Load<CancellationReceipt>(idempotent.ReceiptId);
        var parameters = batch.Load<CustomerOrderParameters>(CustomerOrderParameters.DefaultId);
        await batch.Execute(ct);

        if (await order is not { } current)
            return ProblemCodes.NotFound("order.not_found", $"No order has confirmation number '{confirmationNumber}'.");
        if (await existing is { } earlier)
            return idempotent.Replay(earlier);

        if (http.HttpContext.User.MayActFor(current.StoreId) is { } otherStore)
            return otherStore.ToProblem();
        var defaultPercent = (await parameters)?.CancellationChargePercent ?? 0m;
        if (request.ChargePercent is { } asked && asked != defaultPercent
            && OrderRights.MayAdjustCancellationCharge(await OrderRights.LoadAsync(session, http.HttpContext.User, ct)) is { } noAdjustment)
            return noAdjustment.ToProblem(); // ORD-8: the parameters' charge, unless a manager changes it
        var (percent, charge, refusal) = CancellationDecider.Charge(current, request.ChargePercent, defaultPercent);
        if (refusal is not null)
            return refusal.ToProblem();

        var receipt = new CancellationReceipt(idempotent.ReceiptId, confirmationNumber, NewId.NextGuid().ToString("N"), idempotent.Fingerprint,
            percent, charge, clock.GetUtcNow());
        session.Insert(receipt);
        session.PublishOnCommit(new CancelCustomerOrder { OrderId = current.OrderId, CancellationId = receipt.CancellationId, ChargePercent = percent });
        return await idempotent.CommitAsync(session, ct) ?? Accepted(receipt);
    }

    private static IResult Accepted(CancellationReceipt receipt)
    {
        var location = $"/api/orders/{receipt.ConfirmationNumber}";
        return TypedResults.Accepted(location, new CancellationAccepted(receipt.ConfirmationNumber, receipt.CancellationId, receipt.ChargePercent,
            receipt.Charge, location));
    }
}
