using Marten;
using MassTransit;
using OmniChannel.Order.Features.CreateOrder;
using OmniChannel.Order.Features.MasterData;
using OmniChannel.Order.Features.Rights;
using OmniChannel.Order.Orders;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Persistence;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.Order.Features.CancelOrder;

/// <param name="ChargePercent">The cancellation charge percent as the cashier confirmed it; the parameters' default when absent (ORD-8).</param>
/// <param name="Phone">ORD-10: the customer's phone, confirmed by the cashier, for an order not created yet (required where the store asks for a contact).</param>
/// <param name="Email">ORD-10: the customer's e-mail, likewise.</param>
public sealed record CancelOrderRequest(decimal? ChargePercent, string? Phone = null, string? Email = null);

/// <param name="Asynchronous">ORD-10: the order is not created yet; the cancellation is applied when it is (its charge is known then).</param>
public sealed record CancellationAccepted(string ConfirmationNumber, string CancellationId, decimal ChargePercent, decimal Charge, string Location,
    bool Asynchronous = false);

/// <summary>A cancellation the order took, under the terminal's Idempotency-Key.</summary>
public sealed record CancellationReceipt(string Id, string ConfirmationNumber, string CancellationId, string Fingerprint, decimal ChargePercent,
    decimal Charge, DateTimeOffset ReceivedAt, bool Asynchronous = false)
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
        var pending = batch.Query<TerminalTransaction>().Where(t => t.ConfirmationNumber == confirmationNumber).FirstOrDefault();
        await batch.Execute(ct);

        if (await existing is { } earlier)
            return idempotent.Replay(earlier);
        var caller = http.HttpContext.User;
        var defaultPercent = (await parameters)?.CancellationChargePercent ?? 0m;
        if (await order is not { } current)
        {
            return await pending is { } transaction
                ? await AcceptAsynchronouslyAsync(transaction, request, caller, session, idempotent, defaultPercent, clock, ct)
                : ProblemCodes.NotFound("order.not_found", $"No order has confirmation number '{confirmationNumber}'.");
        }

        if (caller.MayActFor(current.StoreId) is { } otherStore)
            return otherStore.ToProblem();
        if (await MayChargeAsync(caller, session, request.ChargePercent, defaultPercent, ct) is { } noAdjustment)
            return noAdjustment.ToProblem();
        var (percent, charge, refusal) = CancellationDecider.Charge(current, request.ChargePercent, defaultPercent);
        if (refusal is not null)
            return refusal.ToProblem();
        return await CommitAsync(session, current, percent, charge, idempotent, clock, ct);
    }

    /// <summary>ORD-8: the parameters' charge, unless a cashier whose group may (a manager) changes it.</summary>
    internal static async Task<Refusal?> MayChargeAsync(System.Security.Claims.ClaimsPrincipal caller, IQuerySession session, decimal? asked,
        decimal defaultPercent, CancellationToken ct) =>
        asked is { } percent && percent != defaultPercent
            ? OrderRights.MayAdjustCancellationCharge(await OrderRights.LoadAsync(session, caller, ct))
            : null;

    /// <summary>The cancellation taken: its receipt under the terminal's key, and the saga told to carry it out, in one commit.</summary>
    internal static async Task<IResult> CommitAsync(IDocumentSession session, CustomerOrder order, decimal percent, decimal charge,
        IdempotentRequest<CancellationReceipt> idempotent, TimeProvider clock, CancellationToken ct)
    {
        var receipt = new CancellationReceipt(idempotent.ReceiptId, order.Id, NewId.NextGuid().ToString("N"), idempotent.Fingerprint,
            percent, charge, clock.GetUtcNow());
        session.Insert(receipt);
        session.PublishOnCommit(new CancelCustomerOrder { OrderId = order.OrderId, CancellationId = receipt.CancellationId, ChargePercent = percent });
        return await idempotent.CommitAsync(session, ct) ?? Accepted(receipt);
    }

    /// <summary>
    /// ORD-10: the order is a channel transaction not created yet. The cancellation is accepted at once, with the customer's
    /// contact where the store asks for it, as the first event of its own stream; the job applies it once the order exists.
    /// A second one for the same order is refused while the first stands.
    /// </summary>
    private static async Task<IResult> AcceptAsynchronouslyAsync(TerminalTransaction transaction, CancelOrderRequest request,
        System.Security.Claims.ClaimsPrincipal caller, IDocumentSession session, IdempotentRequest<CancellationReceipt> idempotent,
        decimal defaultPercent, TimeProvider clock, CancellationToken ct)
    {
        var order = transaction.Order;
        if (caller.MayActFor(order.StoreId) is { } otherStore)
            return otherStore.ToProblem();
        if (await MayChargeAsync(caller, session, request.ChargePercent, defaultPercent, ct) is { } noAdjustment)
            return noAdjustment.ToProblem();
        if (request.ChargePercent is { } asked && (asked < 0 || asked > 100 || asked != decimal.Round(asked, 2)))
            return ProblemCodes.BadRequest("cancellation.charge_percent_invalid", "chargePercent is between 0 and 100, with at most 2 decimals.");
        var contact = CustomerContactRules.Normalize(request.Phone, request.Email, out var badContact);
        if (badContact is not null)
            return badContact.ToProblem();
        var store = await session.LoadAsync<StoreSettings>(order.StoreId, ct);
        if (store?.AsyncCancellationContactRequired == true && contact is null)
            return ProblemCodes.BadRequest("cancellation.contact_required",
                $"Store {order.StoreId} asks for the customer's phone or e-mail to cancel an order not created yet (ORD-10).");
        var key = AsyncCancellation.StreamKey(transaction.ConfirmationNumber);
        if (await session.Events.FetchStreamStateAsync(key, ct) is not null)
            return ProblemCodes.Conflict("order.cancellation_pending", $"Order {transaction.ConfirmationNumber} already has a cancellation waiting for it.");

        var now = clock.GetUtcNow();
        session.Events.StartStream<AsyncCancellation>(key, new AsyncCancellationAccepted(transaction.ConfirmationNumber, transaction.OrderId,
            order.StoreId, request.ChargePercent, contact, caller.FindFirst("sub")?.Value ?? caller.Identity?.Name ?? "unknown", now));
        var receipt = new CancellationReceipt(idempotent.ReceiptId, transaction.ConfirmationNumber, key, idempotent.Fingerprint,
            request.ChargePercent ?? defaultPercent, 0m, now, Asynchronous: true);
        session.Insert(receipt);
        try
        {
            return await idempotent.CommitAsync(session, ct) ?? Accepted(receipt);
        }
        catch (Exception exception) when (exception is JasperFx.Events.ExistingStreamIdCollisionException
                                          || exception.InnerException is JasperFx.Events.ExistingStreamIdCollisionException)
        {
            return ProblemCodes.Conflict("order.cancellation_pending", $"Order {transaction.ConfirmationNumber} already has a cancellation waiting for it.");
        }
    }

    internal static IResult Accepted(CancellationReceipt receipt)
    {
        var location = $"/api/orders/{receipt.ConfirmationNumber}";
        return TypedResults.Accepted(location, new CancellationAccepted(receipt.ConfirmationNumber, receipt.CancellationId, receipt.ChargePercent,
            receipt.Charge, location, receipt.Asynchronous));
    }
}
