using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace OmniChannel.ServiceDefaults.Http;

/// <summary>
/// What every endpoint that changes state on a terminal's behalf shares: the terminal's transaction id in the
/// <c>Idempotency-Key</c> header, and a fingerprint of the request body, so that the same key with the same body is a
/// replay and with another body a conflict. (Payment-Token keeps stricter keys of its own: they become part of the
/// processor's idempotency keys.)
/// </summary>
public static class Idempotency
{
    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 128;

    /// <summary>The key, or the 400 problem to answer when it is missing or too long.</summary>
    public static (string Key, IResult? Problem) ReadKey(HttpRequest request)
    {
        var key = request.Headers[Header].ToString();
        return string.IsNullOrWhiteSpace(key) || key.Length > MaxKeyLength
            ? ("", ProblemCodes.BadRequest("idempotency_key.required",
                $"Send the terminal's transaction id as the {Header} header (1 to {MaxKeyLength} characters)."))
            : (key, null);
    }

    /// <summary>SHA-256 of the body as JSON, in upper-case hex.</summary>
    public static string Fingerprint<T>(T body) => Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(body)));
}
