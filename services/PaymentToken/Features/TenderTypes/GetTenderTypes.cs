using Marten;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.PaymentToken.Features.TenderTypes;

public static class GetTenderTypes
{
    public static IEndpointRouteBuilder MapTenderTypes(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/payments/tender-types").RequireAuthorization(PlatformPolicies.ReferenceData).WithTags("Tender types");
        api.MapGet("/", async (IQuerySession session, CancellationToken ct) =>
                await session.Query<TenderType>().OrderBy(t => t.TenderTypeId).ToListAsync(ct))
            .WithSummary("The card tenders accepted, with card types and connectors (PAY-1, PAY-2).");
        api.MapGet("/{tenderTypeId}", async Task<IResult> (IQuerySession session, string tenderTypeId, CancellationToken ct) =>
                await session.LoadAsync<TenderType>(tenderTypeId, ct) is { } tender
                    ? TypedResults.Ok(tender)
                    : ProblemCodes.NotFound("tender_type.not_found", $"No tender type '{tenderTypeId}'."))
            .WithSummary("One tender type.")
            .Produces<TenderType>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
