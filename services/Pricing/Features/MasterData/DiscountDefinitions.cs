using Marten;
using OmniChannel.Pricing.Engine;
using OmniChannel.Pricing.Engine.Model;
using OmniChannel.Pricing.Features.Carts;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.Pricing.Features.MasterData;

/// <summary>
/// Discount definitions and loyalty programs, read and written by id (PUT is idempotent). Writes are checked by the
/// same rules the engine uses, take effect on this instance at once and on others within the price book's max age.
/// </summary>
public static class DiscountDefinitions
{
    public static IEndpointRouteBuilder MapDiscountDefinitions(this IEndpointRouteBuilder app)
    {
        var discounts = app.MapGroup("/api/pricing/discounts").RequireAuthorization(PlatformPolicies.MasterData).WithTags("Master data");
        discounts.MapGet("/{id}", async (string id, IQuerySession session, CancellationToken ct) =>
                await session.LoadAsync<Discount>(id, ct) is { } discount
                    ? Results.Ok(discount)
                    : ProblemCodes.NotFound("discount.not_found", $"No discount '{id}'."))
            .WithSummary("A discount definition.")
            .Produces<Discount>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        discounts.MapPut("/{id}", async (string id, Discount discount, IDocumentSession session, PriceBookProvider books, CancellationToken ct) =>
            {
                if (discount.Id != id)
                    return ProblemCodes.BadRequest("discount.id_mismatch", $"The body's id '{discount.Id}' is not '{id}'.");
                if (DiscountRules.Validate(discount) is { } refusal)
                    return refusal.ToProblem();
                session.Store(discount);
                await session.SaveChangesAsync(ct);
                books.Invalidate();
                return Results.Ok(discount);
            })
            .WithSummary("Creates or replaces a discount definition.")
            .Produces<Discount>()
            .WithMaxBodyBytes(1024 * 1024); // a discount may name thousands of SKUs (the gateway allows as much)
        discounts.MapDelete("/{id}", (string id, IDocumentSession session, PriceBookProvider books, CancellationToken ct) =>
                Delete<Discount>(id, "discount", session, books, ct))
            .WithSummary("Deletes a discount definition.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);

        var programs = app.MapGroup("/api/pricing/loyalty-programs").RequireAuthorization(PlatformPolicies.MasterData).WithTags("Master data");
        programs.MapPut("/{id}", async (string id, LoyaltyProgram program, IDocumentSession session, PriceBookProvider books, CancellationToken ct) =>
            {
                if (program.Id != id || string.IsNullOrWhiteSpace(program.PriceGroup))
                    return ProblemCodes.BadRequest("loyalty_program.invalid", "A loyalty program needs its id (as in the URL) and a price group.");
                session.Store(program with { CustomerIds = program.CustomerIds ?? [] });
                await session.SaveChangesAsync(ct);
                books.Invalidate();
                return Results.Ok(program);
            })
            .WithSummary("Creates or replaces a loyalty program (its price group and members).")
            .Produces<LoyaltyProgram>();
        programs.MapDelete("/{id}", (string id, IDocumentSession session, PriceBookProvider books, CancellationToken ct) =>
                Delete<LoyaltyProgram>(id, "loyalty_program", session, books, ct))
            .WithSummary("Deletes a loyalty program.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>Deletes what exists; an id nobody has (a typo, garbage) is 404, not a silent 204 that deleted nothing.</summary>
    private static async Task<IResult> Delete<T>(string id, string kind, IDocumentSession session, PriceBookProvider books, CancellationToken ct)
        where T : notnull
    {
        if (await session.LoadAsync<T>(id, ct) is null)
            return ProblemCodes.NotFound($"{kind}.not_found", $"No {kind.Replace('_', ' ')} '{id}'.");
        session.Delete<T>(id);
        await session.SaveChangesAsync(ct);
        books.Invalidate();
        return Results.NoContent();
    }
}
