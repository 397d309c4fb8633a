using System.Security.Claims;
using Marten;
using MassTransit;
using OmniChannel.Order.Features.MasterData;
using OmniChannel.Order.Orders;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.Order.Features.CancelOrder;

public enum QuoteStatus { Open, Committed, Abandoned }

/// <summary>
/// ORD-8 as a terminal transaction: what cancelling the order would do, quoted at <see cref="OrderVersion"/> of its stream.
/// Nothing of the order changes until it is committed; abandoned (the seed's "void transaction"), it changes nothing at all.
/// </summary>
/// <param name="Refund">What the deposit and prepayments give back: what they paid, less the charge.</param>
/// <param name="Voided">What the order's open authorizations hold: released, not captured.</param>
public sealed record CancellationQuote(string Id, string ConfirmationNumber, long OrderVersion, decimal ChargePercent, decimal Charge, decimal Refund,
    decimal Voided, string Currency, string QuotedBy, DateTimeOffset QuotedAt, DateTimeOffset ExpiresAt, QuoteStatus Status = QuoteStatus.Open,
    string? CancellationId = null);

/// <summary>
/// POST /api/orders/{cn}/cancellation-quotes (a quote: nothing changes), POST …/{quoteId}/commit (the cancellation, if the
/// order has not changed since the quote: 409 <c>cancellation.quote_stale</c> otherwise), DELETE …/{quoteId} (abandoned,
/// the order as it was). The charge and its adjustment follow the same rights as <see cref="CancelOrderEndpoint"/>.
/// </summary>
public static class CancellationQuotes
{
    /// <summary>A quote is what the terminal shows while the cashier talks to the customer: it does not hold for long.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    public static IEndpointRouteBuilder MapCancellationQuotes(this IEndpointRouteBuilder app)
    {
        var quotes = app.MapGroup("/api/orders/{confirmationNumber}/cancellation-quotes").RequireAuthorization(PlatformPolicies.StoreWork).WithTags("Orders");
        quotes.MapPost("", QuoteAsync)
            .WithSummary("ORD-8: what cancelling the order would charge, refund and void; nothing changes until the quote is committed.")
            .Produces<CancellationQuote>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        quotes.MapPost("/{quoteId}/commit", CommitAsync)
            .RequiresIdempotencyKey()
            .WithSummary("ORD-8: cancels the order as quoted (Idempotency-Key); 409 cancellation.quote_stale when the order changed since.")
            .Produces<CancellationAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        quotes.MapDelete("/{quoteId}", AbandonAsync)
            .WithSummary("ORD-8: the cashier abandons the quote (voids the cancellation transaction): the order stays as it was.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<IResult> QuoteAsync(string confirmationNumber, CancelOrderRequest request, ClaimsPrincipal caller,
        IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        if (await session.LoadAsync<CustomerOrder>(confirmationNumber, ct) is not { } order)
            return ProblemCodes.NotFound("order.not_found", $"No order has confirmation number '{confirmationNumber}' (one not created yet is cancelled without a quote, ORD-10).");
        if (caller.MayActFor(order.StoreId) is { } otherStore)
            return otherStore.ToProblem();
        var defaultPercent = (await session.LoadAsync<CustomerOrderParameters>(CustomerOrderParameters.DefaultId, ct))?.CancellationChargePercent ?? 0m;
        if (await CancelOrderEndpoint.MayChargeAsync(caller, session, request.ChargePercent, defaultPercent, ct) is { } noAdjustment)
            return noAdjustment.ToProblem();
        var (percent, charge, refusal) = CancellationDecider.Charge(order, request.ChargePercent, defaultPercent);
        if (refusal is not null)
            return refusal.ToProblem();
        var version = (await session.Events.FetchStreamStateAsync(confirmationNumber, ct))?.Version ?? 0;
        var now = clock.GetUtcNow();
        var quote = new CancellationQuote(NewId.NextGuid().ToString("N"), order.Id, version, percent, charge, Math.Max(0m, order.DepositPaid - charge),
            order.AuthorizedBalance, order.Currency, caller.FindFirst("sub")?.Value ?? "unknown", now, now + Lifetime);
        session.Store(quote);
        await session.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/orders/{order.Id}/cancellation-quotes/{quote.Id}", quote);
    }

    private static async Task<IResult> CommitAsync(string confirmationNumber, string quoteId, HttpRequest http, IDocumentSession session,
        TimeProvider clock, CancellationToken ct)
    {
        var (key, problem) = IdempotentRequest.ReadKey(http);
        if (problem is not null)
            return problem;
        var idempotent = new IdempotentRequest<CancellationReceipt>(CancellationReceipt.IdFor(confirmationNumber, key),
            IdempotentRequest.Fingerprint(new { quoteId }), r => r.Fingerprint, CancelOrderEndpoint.Accepted, () => IdempotentRequest.Reused("a different quote"));
        if (await session.LoadAsync<CancellationReceipt>(idempotent.ReceiptId, ct) is { } earlier)
            return idempotent.Replay(earlier);
        if (await LoadQuoteAsync(session, confirmationNumber, quoteId, ct) is not { } quote)
            return NoQuote(confirmationNumber, quoteId);
        if (await session.LoadAsync<CustomerOrder>(confirmationNumber, ct) is not { } order)
            return ProblemCodes.NotFound("order.not_found", $"No order has confirmation number '{confirmationNumber}'.");
        if (http.HttpContext.User.MayActFor(order.StoreId) is { } otherStore)
            return otherStore.ToProblem();
        if (quote.Status != QuoteStatus.Open)
            return ProblemCodes.Conflict("cancellation.quote_closed", $"Quote {quoteId} was {quote.Status.ToString().ToLowerInvariant()}.");
        if (clock.GetUtcNow() > quote.ExpiresAt)
            return ProblemCodes.Conflict("cancellation.quote_expired", $"Quote {quoteId} expired at {quote.ExpiresAt:O}: ask for a new one.");
        var version = (await session.Events.FetchStreamStateAsync(confirmationNumber, ct))?.Version ?? 0;
        if (version != quote.OrderVersion)
            return ProblemCodes.Conflict("cancellation.quote_stale",
                $"Order {confirmationNumber} changed since the quote (version {quote.OrderVersion}, now {version}): ask for a new quote.");

        session.Store(quote with { Status = QuoteStatus.Committed });
        return await CancelOrderEndpoint.CommitAsync(session, order, quote.ChargePercent, quote.Charge, idempotent, clock, ct);
    }

    private static async Task<IResult> AbandonAsync(string confirmationNumber, string quoteId, ClaimsPrincipal caller, IDocumentSession session,
        CancellationToken ct)
    {
        if (await LoadQuoteAsync(session, confirmationNumber, quoteId, ct) is not { } quote)
            return NoQuote(confirmationNumber, quoteId);
        if (await session.LoadAsync<CustomerOrder>(confirmationNumber, ct) is { } order && caller.MayActFor(order.StoreId) is { } otherStore)
            return otherStore.ToProblem();
        if (quote.Status == QuoteStatus.Committed)
            return ProblemCodes.Conflict("cancellation.quote_closed", $"Quote {quoteId} was committed: the order is being cancelled.");
        if (quote.Status == QuoteStatus.Open)
        {
            session.Store(quote with { Status = QuoteStatus.Abandoned });
            await session.SaveChangesAsync(ct);
        }
        return TypedResults.NoContent();
    }

    private static async Task<CancellationQuote?> LoadQuoteAsync(IQuerySession session, string confirmationNumber, string quoteId, CancellationToken ct) =>
        await session.LoadAsync<CancellationQuote>(quoteId, ct) is { } quote && quote.ConfirmationNumber == confirmationNumber ? quote : null;

    private static IResult NoQuote(string confirmationNumber, string quoteId) =>
        ProblemCodes.NotFound("cancellation.quote_not_found", $"Order {confirmationNumber} has no cancellation quote '{quoteId}'.");
}
