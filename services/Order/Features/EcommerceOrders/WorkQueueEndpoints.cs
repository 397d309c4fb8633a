using System.Security.Claims;
using Marten;
using OmniChannel.Order.Ecommerce;
using OmniChannel.Order.Features.MasterData;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.Order.Features.EcommerceOrders;

/// <summary>One row of the e-commerce sales screen.</summary>
/// <param name="AcceptBy">ECM-5: 4 business hours of the pickup store after the order was placed.</param>
/// <param name="Overdue">ECM-5: past <paramref name="AcceptBy"/>, neither accepted nor rejected.</param>
/// <param name="Problem">Why it needs someone: an unreadable payload, a sale refused or rejected (e.g. out of stock, ECM-6).</param>
public sealed record EcommerceOrderRow(string Id, string StorefrontId, string? OrderNumber, string Status, string? StoreId, string? CustomerId,
    string? ConfirmationNumber, DateTimeOffset ReceivedAt, DateTimeOffset? PlacedAt, DateTimeOffset? AcceptBy, bool Overdue, string? Problem = null);

/// <summary>ECM-1: the orders still on the screen, how many of them need someone's action, and how many are overdue (ECM-5).</summary>
public sealed record EcommerceWorkQueue(int NeedAction, int Overdue, IReadOnlyList<EcommerceOrderRow> Orders);

/// <summary>A product an operator matches a line to by hand (ECM-4).</summary>
public sealed record ProductMatchCandidate(string Sku, string Name, string? Upc, string? Gtin, string? VendorPartNumber, string? Mpn);

/// <summary>A customer an operator picks for a Customer ID Required order (ECM-2): enough to tell them apart, no more.</summary>
public sealed record CustomerCandidate(string Id, string Name, string Email, string? Phone, string Type, Address? ShippingAddress);

/// <summary>
/// The e-commerce sales screen's reads (ECM-1, ECM-3, ECM-4): the work queue of a store (a manager's own; every store's for
/// an operator), one order with its lines, matches and raw payload, and the product search for a manual match.
/// </summary>
public static class WorkQueueEndpoints
{
    public const int MaxRows = 500;

    /// <summary>ECM-1: what needs someone: a sale to accept or reject, a customer or product to match, a payload support must read.</summary>
    public static bool NeedsAction(EcommerceStatus status) => status is EcommerceStatus.New or EcommerceStatus.CustomerIdRequired
        or EcommerceStatus.ProductMatchFailed or EcommerceStatus.ProcessSaleFailed;

    public static IEndpointRouteBuilder MapEcommerceWorkQueue(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/orders/ecommerce", Queue)
            .RequireAuthorization(PlatformPolicies.EcommerceWork)
            .WithTags("E-commerce orders")
            .WithSummary("The e-commerce work queue: orders not Completed or Archived, and how many need action (ECM-1, ECM-3).")
            .Produces<EcommerceWorkQueue>();
        app.MapGet("/api/orders/ecommerce/products", SearchProducts)
            .RequireAuthorization(PlatformPolicies.EcommerceWork)
            .WithTags("E-commerce orders")
            .WithSummary("Products for a manual match, by GTIN, UPC, vendor part number, MPN or description (ECM-4).")
            .Produces<IReadOnlyList<ProductMatchCandidate>>();
        app.MapGet("/api/orders/ecommerce/customers", SearchCustomers)
            .RequireAuthorization(PlatformPolicies.EcommerceWork)
            .WithTags("E-commerce orders")
            .WithSummary("Customers to pick for a Customer ID Required order, by e-mail, phone or the start of a name (ECM-2).")
            .Produces<IReadOnlyList<CustomerCandidate>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        app.MapGet("/api/orders/ecommerce/{id}", Get)
            .RequireAuthorization(PlatformPolicies.EcommerceWork)
            .WithTags("E-commerce orders")
            .WithSummary("One e-commerce order: its status, customer, lines and their matches, its sale, and the raw payload of a failed one.")
            .Produces<EcommerceOrder>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> Queue(IQuerySession session, ClaimsPrincipal caller, TimeProvider clock, CancellationToken ct)
    {
        if (EcommerceRights.MayWorkOn(caller, storeId: null) is { } refused)
            return refused.ToProblem();
        var query = session.Query<EcommerceOrder>()
            .Where(o => o.Status != EcommerceStatus.Completed && o.Status != EcommerceStatus.Archived);
        if (EcommerceRights.QueueOf(caller) is { } store)
            query = query.Where(o => o.StoreId == store);
        var orders = await query.OrderBy(o => o.ReceivedAt).Take(MaxRows).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var rows = orders.Select(o => Row(o, now)).ToList();
        return TypedResults.Ok(new EcommerceWorkQueue(orders.Count(o => NeedsAction(o.Status)), rows.Count(r => r.Overdue), rows));
    }

    private static async Task<IResult> Get(string id, IQuerySession session, ClaimsPrincipal caller, CancellationToken ct)
    {
        if (await session.LoadAsync<EcommerceOrder>(id, ct) is not { } order)
            return ProblemCodes.NotFound("ecommerce.order_not_found", $"No e-commerce order '{id}'.");
        if (EcommerceRights.MayWorkOn(caller, order.StoreId) is { } refused)
            return refused.ToProblem();
        return TypedResults.Ok(order);
    }

    private static async Task<IResult> SearchProducts(string? q, IQuerySession session, ClaimsPrincipal caller, CancellationToken ct)
    {
        if (EcommerceRights.MayWorkOn(caller, storeId: null) is { } refused)
            return refused.ToProblem();
        if (q is not { Length: >= 2 and <= 100 } text)
            return ProblemCodes.BadRequest("ecommerce.search_invalid", "q is 2 to 100 characters: a GTIN, UPC, vendor part number, MPN or words of a description.");
        text = text.Trim();
        var upc = text.Length == 14 && text.StartsWith("00", StringComparison.Ordinal) ? text[2..] : text; // a GTIN-14 of a UPC
        var found = await session.Query<ProductIdentifiers>()
            .Where(p => p.Upc == upc || p.VendorPartNumber == text || p.Mpn == text || p.Sku == text || p.Name.Contains(text, StringComparison.OrdinalIgnoreCase))
            .OrderBy(p => p.Sku).Take(50).ToListAsync(ct);
        return TypedResults.Ok(found.Select(p => new ProductMatchCandidate(p.Sku, p.Name, p.Upc, p.Gtin, p.VendorPartNumber, p.Mpn)).ToList());
    }

    /// <summary>
    /// ECM-2's "pick a customer": an e-mail is matched whole (case aside), a phone by its digits, a name by the start of the
    /// name or of any word in it ("berg" finds Karen Berg). At most <see cref="MaxCustomers"/>, by name: a search to narrow,
    /// not a way to list the customer base.
    /// </summary>
    private static async Task<IResult> SearchCustomers(string? q, IQuerySession session, ClaimsPrincipal caller, CancellationToken ct)
    {
        if (EcommerceRights.MayWorkOn(caller, storeId: null) is { } refused)
            return refused.ToProblem();
        if (q?.Trim() is not { Length: >= 2 and <= 100 } text)
            return ProblemCodes.BadRequest("ecommerce.search_invalid", "q is 2 to 100 characters: an e-mail, a phone number or the start of a name.");
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        IReadOnlyList<Customer> found = digits.Length >= 6 && text.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')' or '.')
            // A phone is stored as typed ("+1 713 555 0100"): compared by its digits, whatever the clerk typed between them.
            ? await session.QueryAsync<Customer>("where regexp_replace(coalesce(d.data ->> 'Phone', ''), '[^0-9]', '', 'g') like ? order by d.data ->> 'Name' limit ?",
                ct, $"%{digits}%", MaxCustomers)
            : await session.Query<Customer>()
                .Where(c => c.Email.Equals(text, StringComparison.OrdinalIgnoreCase)
                    || c.Name.StartsWith(text, StringComparison.OrdinalIgnoreCase)
                    || c.Name.Contains(" " + text, StringComparison.OrdinalIgnoreCase))
                .OrderBy(c => c.Name).Take(MaxCustomers).ToListAsync(ct);
        return TypedResults.Ok(found.Select(c => new CustomerCandidate(c.Id, c.Name, c.Email, c.Phone, c.Type.ToString(), c.ShippingAddress)).ToList());
    }

    public const int MaxCustomers = 50;

    private static EcommerceOrderRow Row(EcommerceOrder o, DateTimeOffset now) => new(o.Id, o.StorefrontId, o.Order?.Number, o.Status.ToString(),
        o.StoreId, o.CustomerId, o.ConfirmationNumber, o.ReceivedAt, o.Order?.PlacedAt, o.AcceptBy, EcommerceDecider.IsOverdue(o, now), o.Problem);
}
