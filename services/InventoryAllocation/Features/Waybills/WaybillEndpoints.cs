using Marten;
using OmniChannel.Contracts.Inventory;
using OmniChannel.InventoryAllocation.Features.Products;
using OmniChannel.InventoryAllocation.Features.Reservations;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Persistence;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.InventoryAllocation.Features.Waybills;

public sealed record RegisterWaybill(string? Carrier, string? Number, Guid OrderId);

public sealed record WaybillScanRequest(string? Upc);

/// <summary>
/// INV-5 (an operator's): register a waybill for an order's allocated lines, then scan each unit out. When every unit is
/// scanned the shipment leaves: <see cref="ShipmentLeft"/> goes to the Order service in the same commit, which invoices the
/// lines; its saga captures their payment and issues their stock here (money moves only through the order).
/// </summary>
public static class WaybillEndpoints
{
    public static IEndpointRouteBuilder MapWaybills(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/inventory/waybills").RequireAuthorization(PlatformPolicies.Operator).WithTags("Waybills");
        api.MapPost("/", RegisterAsync).WithSummary("Registers a carrier's waybill for an order's allocated lines. The same waybill again answers as it was.")
            .Produces<Waybill>(StatusCodes.Status201Created).Produces<Waybill>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{carrier}/{number}/scans", ScanAsync).WithSummary("Scans one outbound unit's UPC against the waybill; the last one ships it.")
            .Produces<Waybill>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/{carrier}/{number}", GetAsync).WithSummary("A waybill: its lines, what was scanned, whether it shipped.")
            .Produces<Waybill>().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static bool Valid(string? value, int max) => value is { Length: > 0 } v && v.Length <= max && v.All(c => char.IsAsciiLetterOrDigit(c));

    private static async Task<IResult> RegisterAsync(IDocumentSession session, TimeProvider clock, RegisterWaybill request, CancellationToken ct)
    {
        // The waybill names the order's invoice (carrier-number): at most 40 letters and digits with the dash.
        if (!Valid(request.Carrier, 10) || !Valid(request.Number, 29))
            return ProblemCodes.BadRequest("waybill.invalid", "carrier is 1 to 10 letters or digits, number 1 to 29.");
        var id = Waybill.IdFor(request.Carrier!, request.Number!);
        if (await session.LoadAsync<Waybill>(id, ct) is { } existing)
            return existing.OrderId == request.OrderId
                ? TypedResults.Ok(existing)
                : ProblemCodes.Conflict("waybill.number_taken", $"Waybill {request.Number} of {request.Carrier} belongs to another order.");
        if (await session.LoadAsync<Reservation>(request.OrderId, ct) is not { Status: ReservationStatus.Active } reservation)
            return ProblemCodes.NotFound("order.not_found", $"Inventory holds nothing to ship for order {request.OrderId}.");

        var onOpenWaybills = (await session.Query<Waybill>().Where(w => w.OrderId == request.OrderId && w.Status == WaybillStatus.Open).ToListAsync(ct))
            .SelectMany(w => w.Lines).Select(l => l.LineId).ToHashSet();
        var lines = reservation.Lines.Where(l => l.Kind == ReservationKind.Ship && !onOpenWaybills.Contains(l.LineId))
            .Select(l => (Line: l, Quantity: reservation.AllocatedHeld(l.LineId))).Where(l => l.Quantity > 0).ToList();
        if (lines.Count == 0)
            return ProblemCodes.Conflict("waybill.not_allocated", $"Order {request.OrderId} has no allocated line left to ship (INV-4 allocates first).");
        var products = (await session.LoadManyAsync<Product>(ct, lines.Select(l => l.Line.Sku).Distinct().ToArray())).ToDictionary(p => p.Sku);
        var waybill = new Waybill(id, request.Carrier!.ToUpperInvariant(), request.Number!.ToUpperInvariant(), reservation.Id, reservation.ConfirmationNumber,
            WaybillStatus.Open, lines.Select(l => new WaybillLine(l.Line.LineId, l.Line.Sku, products[l.Line.Sku].Upc, l.Quantity)).ToList(), clock.GetUtcNow());
        session.Insert(waybill);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception exception) when (WriteConflict.IsAny(exception))
        {
            return ProblemCodes.Conflict("waybill.number_taken", $"Waybill {request.Number} of {request.Carrier} was registered meanwhile.");
        }
        return TypedResults.Created($"/api/inventory/waybills/{waybill.Carrier}/{waybill.Number}", waybill);
    }

    private static async Task<IResult> ScanAsync(IDocumentSession session, TimeProvider clock, string carrier, string number, WaybillScanRequest request,
        CancellationToken ct)
    {
        if (request.Upc is not { Length: >= 8 and <= 14 } upc || !upc.All(char.IsAsciiDigit))
            return ProblemCodes.BadRequest("waybill.upc_invalid", "upc is the scanned barcode: 8 to 14 digits.");
        for (var attempt = 1; ; attempt++)
        {
            if (await session.LoadAsync<Waybill>(Waybill.IdFor(carrier, number), ct) is not { } waybill)
                return ProblemCodes.NotFound("waybill.not_found", $"No waybill {number} of {carrier}.");
            var (after, refusal) = WaybillScan.Scan(waybill, upc, clock.GetUtcNow());
            if (refusal is not null)
                return refusal.ToProblem();
            session.Store(after!);
            if (after!.Status == WaybillStatus.Shipped)
                session.PublishOnCommit(new ShipmentLeft
                {
                    OrderId = after.OrderId, ConfirmationNumber = after.ConfirmationNumber, InvoiceId = after.Id,
                    Lines = after.Lines.Select(l => new IssuedLine { LineId = l.LineId, Quantity = l.Quantity }).ToList(),
                });
            try
            {
                await session.SaveChangesAsync(ct);
                return TypedResults.Ok(after);
            }
            catch (Exception exception) when (WriteConflict.IsAny(exception) && attempt < 5)
            {
                session.EjectAllPendingChanges(); // another scan of the same waybill at once: count on what it left
                session.EjectAllOfType(typeof(Waybill));
            }
        }
    }

    private static async Task<IResult> GetAsync(IQuerySession session, string carrier, string number, CancellationToken ct) =>
        await session.LoadAsync<Waybill>(Waybill.IdFor(carrier, number), ct) is { } waybill
            ? TypedResults.Ok(waybill)
            : ProblemCodes.NotFound("waybill.not_found", $"No waybill {number} of {carrier}.");
}
