using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace OmniChannel.ServiceDefaults.Http;

/// <summary>
/// What every endpoint that changes state on a terminal's behalf shares: the terminal's transaction id in the
/// <c>Idempotency-Key</c> header, and a fingerprint of the request body, so that the same key with the same body is a
/// replay of the first answer and with another body a conflict. Requests that leave a receipt document use
/// <see cref="IdempotentRequest{TReceipt}"/> for the rest of the path.
/// </summary>
public static class IdempotentRequest
{
    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 128;

    /// <summary>
    /// 1 to <see cref="MaxKeyLength"/> ASCII letters, digits, '-', '_' or '.': keys become part of document ids and of the
    /// payment processor's keys (up to 255 printable characters, with ':' between parts), so they stay short and plain.
    /// </summary>
    public static bool IsValidKey(string key) =>
        key.Length is >= 1 and <= MaxKeyLength && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <summary>The key, or the 400 problem to answer when it is missing or not a valid key.</summary>
    public static (string Key, IResult? Problem) ReadKey(HttpRequest request)
    {
        var key = request.Headers[Header].ToString(); // two headers join with ',', which no key contains
        if (string.IsNullOrWhiteSpace(key))
            return ("", ProblemCodes.BadRequest("idempotency_key.required", $"Send the terminal's transaction id as the {Header} header."));
        return IsValidKey(key)
            ? (key, null)
            : ("", ProblemCodes.BadRequest("idempotency_key.invalid",
                $"An {Header} is 1 to {MaxKeyLength} letters, digits, '-', '_' or '.'."));
    }

    /// <summary>SHA-256 of the body as JSON, in lower-case hex.</summary>
    public static string Fingerprint<T>(T body) => Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(body)));

    /// <summary>
    /// Whether an earlier request had this body. Hex ignores case, so fingerprints stored before they were all
    /// lower-case (the Order and Pickup services stored upper-case) still match.
    /// </summary>
    public static bool SameBody(string earlierFingerprint, string fingerprint) =>
        string.Equals(earlierFingerprint, fingerprint, StringComparison.OrdinalIgnoreCase);

    /// <summary>The answer to a key seen before: the first answer again for the same body, <paramref name="reused"/> for another.</summary>
    public static IResult Replay(string earlierFingerprint, string fingerprint, Func<IResult> firstAnswer, Func<IResult> reused) =>
        SameBody(earlierFingerprint, fingerprint) ? firstAnswer() : reused();

    /// <summary>409 <c>idempotency_key.reused</c>: the key was used for <paramref name="what"/>.</summary>
    public static IResult Reused(string what) =>
        ProblemCodes.Conflict("idempotency_key.reused", $"This {Header} was used for {what}.");
}
