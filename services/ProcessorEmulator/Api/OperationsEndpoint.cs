using OmniChannel.Contracts.Processor;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.ProcessorEmulator.Api;

public static class OperationsEndpoint
{
    public static IEndpointRouteBuilder MapOperations(this IEndpointRouteBuilder app)
    {
        app.MapGet("/merchants/{merchantId}/operations", async Task<IResult> (string merchantId, string? keyPrefix, ProcessorEmulator processor,
                CancellationToken ct) =>
            {
                if (AcquirerHttp.Merchant(merchantId) is { } problem)
                    return problem;
                if (keyPrefix is not { Length: >= 1 and <= 255 })
                    return ProblemCodes.BadRequest("operations.key_prefix_required", "Ask for the operations of a key prefix (1 to 255 characters).");
                var operations = await processor.OperationsAsync(merchantId, keyPrefix, ct);
                return TypedResults.Ok(new AnsweredOperations(operations.Select(o => new AnsweredOperation(o.Key, o.Kind, AcquirerHttp.ToAnswer(o.Answer))).ToList()));
            })
            .WithTags("Acquirer")
            .WithSummary("The operations the merchant asked for under keys that start with keyPrefix, with their answers (reconciliation).");
        return app;
    }
}
