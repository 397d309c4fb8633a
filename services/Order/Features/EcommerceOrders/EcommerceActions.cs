using System.Security.Claims;
using Marten;
using OmniChannel.Order.Ecommerce;
using OmniChannel.Order.Features.CancelOrder;
using OmniChannel.Order.Features.MasterData;
using OmniChannel.Order.Orders;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Persistence;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.Order.Features.EcommerceOrders;

/// <param name="CustomerId">ECM-2: the customer picked from the search; absent with <paramref name="Create"/>.</param>
/// <param name="Create">ECM-2: no customer is the right one: create one from the order's data (check it for typing errors first).</param>
public sealed record PickCustomerRequest(string? CustomerId, bool Create = false);

public sealed record MatchLineRequest(string? Sku);

/// <param name="Status">ECM-3: InProcess (accepted), ReadyForPickup, Completed (picked up) or Archived (the sale was made by hand).</param>
public sealed record ChangeStatusRequest(string? Status);

public sealed record RejectRequest(string? Reason);

/// <summary>
/// The e-commerce sales screen's actions (ECM-2 … ECM-6), a store manager's for their store's orders or an operator's:
/// each decided by <see cref="EcommerceDecider"/> on the order as last read, appended at that version (a concurrent change
/// is 409), and answered with the order as it now stands.
/// </summary>
public static class EcommerceActions
{
    public static IEndpointRouteBuilder MapEcommerceActions(this IEndpointRouteBuilder app)
    {
        Declare(app.MapPost("/api/orders/ecommerce/{id}/customer", PickCustomer),
            "Customer ID Required: picks a customer, or creates one from the order's data; the order goes on (ECM-2).");
        Declare(app.MapPost("/api/orders/ecommerce/{id}/lines/{lineNumber:int}/product", MatchLine),
            "Product Match Failed: matches a line to a product by hand (ECM-4).");
        Declare(app.MapPost("/api/orders/ecommerce/{id}/process-sale", ProcessSale),
            "Process Sale: every line matched, the sale is created (ECM-4).");
        Declare(app.MapPost("/api/orders/ecommerce/{id}/status", ChangeStatus),
            "Moves the order on: In Process, Ready for Pickup, Completed, or Archived after a sale made by hand (ECM-3).");
        Declare(app.MapPost("/api/orders/ecommerce/{id}/rejection", Reject),
            "Rejects the order (out of stock): not charged (a confirmed sale cancelled, its card hold voided; a refused one left as it is), a zero e-commerce payment recorded, Completed (ECM-6).");
        return app;
    }

    private static void Declare(RouteHandlerBuilder route, string summary) => route
        .RequireAuthorization(PlatformPolicies.EcommerceWork)
        .WithTags("E-commerce orders")
        .WithSummary(summary)
        .Produces<EcommerceOrder>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);

    private static Task<IResult> PickCustomer(string id, PickCustomerRequest request, EcommerceWork work, ClaimsPrincipal caller,
        CancellationToken ct) => work.ActAsync(id, caller, saleWhenReady: true, ct, async (order, session) =>
    {
        if (request.Create)
        {
            if (request.CustomerId is not null)
                return Refuse(Refusal.Invalid("ecommerce.customer_pick_invalid", "Either customerId or create, not both."));
            if (order.Status != EcommerceStatus.CustomerIdRequired)
                return EcommerceDecider.PickCustomer(order, "", CustomerMatch.CreatedByHand); // refused: nothing is created
            var customerId = $"ECM-{Guid.NewGuid():N}"[..16];
            work.Insert(EcommerceCustomers.CreateFrom(order.Order!.Customer, customerId));
            return EcommerceDecider.PickCustomer(order, customerId, CustomerMatch.CreatedByHand);
        }
        if (string.IsNullOrWhiteSpace(request.CustomerId) || await session.LoadAsync<Customer>(request.CustomerId, ct) is null)
            return Refuse(Refusal.Invalid("customer.unknown", $"No customer '{request.CustomerId}'."));
        return EcommerceDecider.PickCustomer(order, request.CustomerId, CustomerMatch.PickedByHand);
    });

    private static Task<IResult> MatchLine(string id, int lineNumber, MatchLineRequest request, EcommerceWork work, ClaimsPrincipal caller,
        CancellationToken ct) => work.ActAsync(id, caller, saleWhenReady: false, ct, async (order, session) =>
    {
        if (string.IsNullOrWhiteSpace(request.Sku) || await session.LoadAsync<ProductIdentifiers>(request.Sku, ct) is null)
            return Refuse(Refusal.Invalid("product.unknown", $"No product '{request.Sku}'."));
        return EcommerceDecider.MatchLineByHand(order, lineNumber, request.Sku);
    });

    private static Task<IResult> ProcessSale(string id, EcommerceWork work, ClaimsPrincipal caller, CancellationToken ct) =>
        work.ActAsync(id, caller, saleWhenReady: true, ct, (order, _) =>
            Task.FromResult(EcommerceDecider.MayProcessSale(order) is { } refusal ? Refuse(refusal) : (Array.Empty<object>(), null)));

    private static Task<IResult> ChangeStatus(string id, ChangeStatusRequest request, EcommerceWork work, ClaimsPrincipal caller,
        TimeProvider clock, CancellationToken ct) => work.ActAsync(id, caller, saleWhenReady: false, ct, (order, _) => Task.FromResult(
        Enum.TryParse<EcommerceStatus>(request.Status, ignoreCase: true, out var to) && Enum.IsDefined(to) && request.Status!.All(char.IsAsciiLetter)
            ? EcommerceDecider.Move(order, to, By(caller), clock.GetUtcNow())
            : Refuse(Refusal.Invalid("ecommerce.status_unknown", "status is InProcess, ReadyForPickup, Completed or Archived."))));

    private static Task<IResult> Reject(string id, RejectRequest request, EcommerceWork work, ClaimsPrincipal caller,
        TimeProvider clock, CancellationToken ct) => work.ActAsync(id, caller, saleWhenReady: false, ct, async (order, session) =>
    {
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? "Out of stock before the order was processed." : request.Reason.Trim();
        if (reason.Length > 500)
            return Refuse(Refusal.Invalid("ecommerce.reason_too_long", "reason is at most 500 characters."));
        var sale = order.ConfirmationNumber is { } cn ? await session.LoadAsync<CustomerOrder>(cn, ct) : null;
        var (events, cancelSale, refusal) = EcommerceDecider.Reject(order, sale?.Status, reason, By(caller), clock.GetUtcNow());
        // A confirmed sale is cancelled without a charge: its stock released and its card hold voided (PAY-11).
        if (cancelSale)
            session.PublishOnCommit(new CancelCustomerOrder { OrderId = sale!.OrderId, CancellationId = $"ecm-reject-{sale.Id}", ChargePercent = 0m });
        return (events, refusal);
    });

    private static (object[] Events, Refusal? Refusal) Refuse(Refusal refusal) => ([], refusal);

    private static string By(ClaimsPrincipal caller) => caller.OperatorId() ?? caller.FindFirst(PlatformClaims.Subject)?.Value ?? "unknown";
}

/// <summary>
/// One action on an e-commerce order: loads it for writing, checks who acts, decides, appends at the version read and —
/// for the actions that go on to the sale — creates the sale in the same commit once the order is ready for it (ECM-3 New).
/// </summary>
public sealed class EcommerceWork(IDocumentSession session, EcommerceSale sale, InitiatorAccessor initiators, StorefrontNotifications notifications)
{
    private Customer? created;

    /// <summary>A customer created by the action: stored with it, and the sale made for it in the same commit.</summary>
    public void Insert(Customer customer)
    {
        session.Insert(customer);
        created = customer;
    }

    public async Task<IResult> ActAsync(string id, ClaimsPrincipal caller, bool saleWhenReady, CancellationToken ct,
        Func<EcommerceOrder, IDocumentSession, Task<(object[] Events, Refusal? Refusal)>> decide)
    {
        var stream = await session.Events.FetchForWriting<EcommerceOrder>(id, ct);
        if (stream.Aggregate is not { } order)
            return ProblemCodes.NotFound("ecommerce.order_not_found", $"No e-commerce order '{id}'.");
        if (EcommerceRights.MayWorkOn(caller, order.StoreId) is { } forbidden)
            return forbidden.ToProblem();
        var (events, refusal) = await decide(order, session);
        if (refusal is not null)
            return refusal.ToProblem();

        var after = EcommerceOrder.Fold(order, events);
        if (events.Any(e => e is EcommerceCustomerMatched))
            await EcommerceCustomers.RememberAsync(session, after, ct);
        if (saleWhenReady && EcommerceDecider.ReadyForSale(after))
        {
            var made = await sale.CreateAsync(session, after, initiators.Current, ct, created);
            events = [.. events, made];
            after = EcommerceOrder.Fold(after, [made]);
        }
        stream.AppendMany(events);
        notifications.Stage(session, after, events); // PUP-9: moved to Ready for Pickup by hand, the customer is told too
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception exception) when (WriteConflict.IsAny(exception))
        {
            return ProblemCodes.Conflict("ecommerce.changed", $"Order {id} changed meanwhile: read it again.");
        }
        return TypedResults.Ok(after);
    }
}
