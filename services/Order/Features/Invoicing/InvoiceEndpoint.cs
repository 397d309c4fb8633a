using System.Security.Claims;
using Marten;
using OmniChannel.Order.Orders;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Persistence;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.Order.Features.Invoicing;

public sealed record InvoiceRequest(string? InvoiceId, IReadOnlyList<LineQuantity>? Lines);

public sealed record InvoiceAccepted(string ConfirmationNumber, string InvoiceId, string FulfillmentId, string Location);

/// <summary>An invoice the order took, by its id: a repeated POST answers the same, another body under the id is a conflict.</summary>
public sealed record InvoiceReceipt(string Id, string ConfirmationNumber, string InvoiceId, string Fingerprint, DateTimeOffset ReceivedAt)
{
    public static string IdFor(string confirmationNumber, string invoiceId) => $"{confirmationNumber}/{invoiceId}";
}

/// <summary>
/// POST /api/orders/{confirmationNumber}/invoices (PAY-6): shipped lines were invoiced; the order saga captures what they
/// cost beyond the deposit against the authorization of the swipe, and issues their stock. Idempotent by invoiceId.
/// </summary>
public static class InvoiceEndpoint
{
    public static IEndpointRouteBuilder MapInvoices(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/orders/{confirmationNumber}/invoices", Handle)
            .RequireAuthorization(PlatformPolicies.StoreWork)
            .WithTags("Orders")
            .WithSummary("Invoices shipped lines: their payment is captured against the order's authorization (PAY-6). Idempotent by invoiceId.")
            .Produces<InvoiceAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<IResult> Handle(string confirmationNumber, InvoiceRequest request, ClaimsPrincipal user, IDocumentSession session,
        TimeProvider clock, CancellationToken ct)
    {
        // The invoice id is this request's idempotency key. It names the invoice's fulfillment too (invoice.{id}), so its
        // rule is stricter than the header's: no '.', at most 40.
        if (request.InvoiceId is not { Length: > 0 and <= 40 } invoiceId || !invoiceId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            return ProblemCodes.BadRequest("invoice.id_invalid", "invoiceId is 1 to 40 letters, digits, '-' or '_'.");
        if (await session.LoadAsync<CustomerOrder>(confirmationNumber, ct) is not { } order)
            return ProblemCodes.NotFound("order.not_found", $"No order has confirmation number '{confirmationNumber}'.");
        if (user.MayActFor(order.StoreId) is { } otherStore)
            return otherStore.ToProblem();

        var idempotent = new IdempotentRequest<InvoiceReceipt>(InvoiceReceipt.IdFor(confirmationNumber, invoiceId),
            IdempotentRequest.Fingerprint(request.Lines), r => r.Fingerprint, Accepted,
            () => ProblemCodes.Conflict("invoice.id_reused", $"Invoice '{invoiceId}' was already taken with other lines."));
        if (await session.LoadAsync<InvoiceReceipt>(idempotent.ReceiptId, ct) is { } existing)
            return idempotent.Replay(existing);

        var lines = request.Lines ?? [];
        var fulfillmentId = InvoiceShippedLines.FulfillmentIdOf(invoiceId);
        var (_, refusal) = OrderFulfillment.Fulfill(order, fulfillmentId, FulfillmentSource.Invoice, "", lines, clock.GetUtcNow());
        if (refusal is not null)
            return refusal.ToProblem();

        var receipt = new InvoiceReceipt(idempotent.ReceiptId, confirmationNumber, invoiceId, idempotent.Fingerprint, clock.GetUtcNow());
        session.Insert(receipt);
        session.PublishOnCommit(new InvoiceShippedLines { OrderId = order.OrderId, InvoiceId = invoiceId, Lines = lines });
        return await idempotent.CommitAsync(session, ct) ?? Accepted(receipt);
    }

    private static IResult Accepted(InvoiceReceipt receipt)
    {
        var location = $"/api/orders/{receipt.ConfirmationNumber}";
        return TypedResults.Accepted(location, new InvoiceAccepted(receipt.ConfirmationNumber, receipt.InvoiceId,
            InvoiceShippedLines.FulfillmentIdOf(receipt.InvoiceId), location));
    }
}
