using Marten;
using MassTransit;
using OmniChannel.Order.Features.MasterData;
using OmniChannel.Order.Orders;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Persistence;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.Order.Features.CancelOrder;

/// <param name="CancellationId">The caller's id for this cancellation (1 to 64 letters, digits, '.', '-', '_'); a new one when absent.</param>
public sealed record LineCancellationRequest(string? CancellationId, IReadOnlyList<LineToCancel>? Lines, string? Reason);

/// <param name="WholeOrder">The lines were everything still open and nothing had left: the whole order is cancelled (ORD-8) with the parameters' charge.</param>
public sealed record LineCancellationAccepted(string ConfirmationNumber, string CancellationId, IReadOnlyList<LineToCancel> Lines, bool WholeOrder,
    string Location);

/// <summary>A line cancellation the order took, under the terminal's Idempotency-Key.</summary>
public sealed record LineCancellationReceipt(string Id, string ConfirmationNumber, string CancellationId, string Fingerprint,
    IReadOnlyList<LineToCancel> Lines, bool WholeOrder, DateTimeOffset ReceivedAt)
{
    public static string IdFor(string confirmationNumber, string idempotencyKey) => $"{confirmationNumber}/lines/{idempotencyKey}";
}

/// <summary>
/// POST /api/orders/{confirmationNumber}/line-cancellations (ORD-7, PUP-2): cancels some units of the order's open lines
/// for the order's store (the rights of the whole cancellation). The order saga records it, releases their stock and
/// takes them off the store's pickup requests (a slip of only those items); nothing of them is captured. Everything
/// still open with nothing fulfilled yet is the whole cancellation (ORD-8) with the parameters' charge.
/// </summary>
public static class LineCancellationEndpoint
{
    public static IEndpointRouteBuilder MapLineCancellations(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/orders/{confirmationNumber}/line-cancellations", Handle)
            .RequireAuthorization(PlatformPolicies.StoreWork)
            .RequiresIdempotencyKey()
            .WithTags("Orders")
            .WithSummary("Cancels some units of an order's open lines: their stock released, their pickup lines cancelled with a slip (ORD-7, PUP-2).")
            .Produces<LineCancellationAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<IResult> Handle(string confirmationNumber, LineCancellationRequest request, HttpRequest http, IDocumentSession session,
        TimeProvider clock, CancellationToken ct)
    {
        var (key, problem) = IdempotentRequest.ReadKey(http);
        if (problem is not null)
            return problem;
        var idempotent = new IdempotentRequest<LineCancellationReceipt>(LineCancellationReceipt.IdFor(confirmationNumber, key),
            IdempotentRequest.Fingerprint(request), r => r.Fingerprint, Accepted, () => IdempotentRequest.Reused("a different line cancellation"));
        var batch = session.CreateBatchQuery();
        var order = batch.Load<CustomerOrder>(confirmationNumber);
        var existing = batch.Load<LineCancellationReceipt>(idempotent.ReceiptId);
        var parameters = batch.Load<CustomerOrderParameters>(CustomerOrderParameters.DefaultId);
        await batch.Execute(ct);

        if (await existing is { } earlier)
            return idempotent.Replay(earlier);
        if (await order is not { } current)
            return ProblemCodes.NotFound("order.not_found", $"No order has confirmation number '{confirmationNumber}'.");
        if (http.HttpContext.User.MayActFor(current.StoreId) is { } otherStore)
            return otherStore.ToProblem();
        if (request.CancellationId is { } asked && !ValidId(asked))
            return ProblemCodes.BadRequest("line_cancellation.id_invalid", "cancellationId is 1 to 64 letters, digits, '.', '-' or '_'.");
        if (LineCancellationDecider.Check(current, request.Lines, request.Reason) is { } refusal)
            return refusal.ToProblem();
        var cancellationId = request.CancellationId ?? NewId.NextGuid().ToString("N");
        if (current.LineCancellations?.Any(c => c.CancellationId == cancellationId) == true)
            return ProblemCodes.Conflict("line_cancellation.id_taken", $"Order {current.Id} already took cancellation {cancellationId}.");

        var whole = LineCancellationDecider.IsWholeOrder(current, request.Lines!);
        var receipt = new LineCancellationReceipt(idempotent.ReceiptId, current.Id, cancellationId, idempotent.Fingerprint, request.Lines!, whole,
            clock.GetUtcNow());
        session.Insert(receipt);
        session.PublishOnCommit(new CancelOrderLines
        {
            OrderId = current.OrderId, CancellationId = cancellationId, Lines = request.Lines!, Reason = request.Reason!.Trim(),
            ChargePercentIfWhole = (await parameters)?.CancellationChargePercent ?? 0m,
        });
        return await idempotent.CommitAsync(session, ct) ?? Accepted(receipt);
    }

    private static bool ValidId(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');

    private static IResult Accepted(LineCancellationReceipt receipt)
    {
        var location = $"/api/orders/{receipt.ConfirmationNumber}";
        return TypedResults.Accepted(location, new LineCancellationAccepted(receipt.ConfirmationNumber, receipt.CancellationId, receipt.Lines,
            receipt.WholeOrder, location));
    }
}
