using OmniChannel.Contracts.Processor;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.ProcessorEmulator.Api;

/// <summary>
/// What the acquirer endpoints share: the merchant account of the path, the caller's idempotency key, tokens checked
/// before anything runs (a 400 problem, nothing kept), and the answer. Money-moving operations run to their commit
/// even if the caller goes away, as an acquirer's would: the caller's retry under the same key gets the answer.
/// </summary>
internal static class AcquirerHttp
{
    public static IResult? Merchant(string merchantId) =>
        merchantId.Length is >= 1 and <= 64 && merchantId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? null
            : ProblemCodes.BadRequest("merchant.invalid", "A merchant id is 1 to 64 letters, digits, '-', '_' or '.'.");

    public static IResult? Key(HttpRequest request, out string key)
    {
        var values = request.Headers[ProcessorApi.IdempotencyKeyHeader];
        key = values.Count == 1 ? values[0] ?? "" : "";
        if (values.Count == 0 || key.Length == 0)
            return ProblemCodes.BadRequest("idempotency.key_required", $"Send an {ProcessorApi.IdempotencyKeyHeader} header.");
        return values.Count == 1 && key.Length <= 255 && key.All(c => c is > ' ' and <= '~')
            ? null
            : ProblemCodes.BadRequest("idempotency.key_invalid", "An idempotency key is one header of 1 to 255 printable ASCII characters.");
    }

    /// <param name="kind">card, authorization or capture: the code is <c>{kind}.token_invalid</c>.</param>
    public static IResult? Token(string? token, string kind) =>
        token is { Length: >= 1 and <= 255 } && !token.Any(char.IsControl)
            ? null
            : ProblemCodes.BadRequest($"{kind}.token_invalid", $"A {kind} token is 1 to 255 characters, none a control character.");

    /// <summary>A decision is a 200, approved or declined; a key holding another request is a 409: nothing was decided.</summary>
    public static IResult Answer(ProcessorResult result) =>
        result.Code == ProcessorApi.KeyReused
            ? ProblemCodes.Conflict(ProcessorApi.KeyReused, result.Reason!)
            : TypedResults.Ok(ToAnswer(result));

    public static ProcessorAnswer ToAnswer(ProcessorResult result) =>
        new(result.Approved ? ProcessorOutcome.Approved : ProcessorOutcome.Declined, result.Token, result.Amount, result.ExpiresAt,
            result.RecurringToken, result.Code, result.Reason);
}
