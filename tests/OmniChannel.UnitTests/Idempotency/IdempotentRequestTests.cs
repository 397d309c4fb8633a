using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.UnitTests.Idempotency;

/// <summary>The one Idempotency-Key rule and request fingerprint every state-changing endpoint uses.</summary>
public class IdempotentRequestTests
{
    private sealed record Body(string Sku, int Quantity);

    [Theory]
    [InlineData("HOU-T1-000042")] // README
    [InlineData("web-8812")]
    [InlineData("SEA-T2-000311")]
    [InlineData("T1-000042")] // tests
    [InlineData("T7-000123")]
    [InlineData("T1-CXL-1")]
    [InlineData("0f8fad5bd9cb469fa16570867728950e")] // a Guid as terminals and benchmarks send it
    [InlineData("pos.17_a-B")]
    public void Terminal_transaction_ids_are_valid_keys(string key) => Assert.True(IdempotentRequest.IsValidKey(key));

    [Theory]
    [InlineData("")]
    [InlineData("HOU T1")]
    [InlineData("HOU/T1")]
    [InlineData("HOU:T1")] // ':' separates the parts of the payment processor's keys
    [InlineData("a,b")] // two headers
    [InlineData("caf\u00e9")]
    [InlineData("tab\t")]
    public void Anything_but_ascii_letters_digits_dash_underscore_and_dot_is_not_a_key(string key) =>
        Assert.False(IdempotentRequest.IsValidKey(key));

    [Fact]
    public void A_key_is_at_most_128_characters()
    {
        Assert.True(IdempotentRequest.IsValidKey(new string('k', IdempotentRequest.MaxKeyLength)));
        Assert.False(IdempotentRequest.IsValidKey(new string('k', IdempotentRequest.MaxKeyLength + 1)));
    }

    [Fact]
    public void A_valid_header_is_the_key() => Assert.Equal(("HOU-T1-000042", null), IdempotentRequest.ReadKey(Request("HOU-T1-000042")));

    [Theory]
    [InlineData(null, "idempotency_key.required")]
    [InlineData("", "idempotency_key.required")]
    [InlineData("   ", "idempotency_key.required")]
    [InlineData("HOU T1 000042", "idempotency_key.invalid")]
    [InlineData("HOU/T1", "idempotency_key.invalid")]
    public void A_missing_or_bad_header_is_a_400_problem_with_a_stable_code(string? header, string code)
    {
        var (key, problem) = IdempotentRequest.ReadKey(Request(header));

        Assert.Equal("", key);
        var details = Assert.IsType<ProblemHttpResult>(problem).ProblemDetails;
        Assert.Equal(StatusCodes.Status400BadRequest, details.Status);
        Assert.Equal(code, details.Extensions["code"]);
    }

    [Fact]
    public void Two_key_headers_are_not_a_key()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Append(IdempotentRequest.Header, new(["T1-1", "T1-2"]));

        Assert.NotNull(IdempotentRequest.ReadKey(context.Request).Problem);
    }

    [Fact]
    public void A_fingerprint_is_the_SHA256_of_the_body_as_JSON_in_lower_case_hex()
    {
        var body = new Body("86002", 2);
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(body))));

        Assert.Equal(expected, IdempotentRequest.Fingerprint(body)); // what Payment-Token has always stored
        Assert.Matches("^[0-9a-f]{64}$", IdempotentRequest.Fingerprint(body));
    }

    [Fact]
    public void The_same_body_has_the_same_fingerprint_and_another_body_another()
    {
        Assert.Equal(IdempotentRequest.Fingerprint(new Body("86002", 2)), IdempotentRequest.Fingerprint(new Body("86002", 2)));
        Assert.NotEqual(IdempotentRequest.Fingerprint(new Body("86002", 2)), IdempotentRequest.Fingerprint(new Body("86002", 1)));
        Assert.Equal(IdempotentRequest.Fingerprint<IReadOnlyList<Body>?>(null), IdempotentRequest.Fingerprint<IReadOnlyList<Body>?>(null));
    }

    [Fact]
    public void An_upper_case_fingerprint_stored_before_still_matches_its_body()
    {
        var fingerprint = IdempotentRequest.Fingerprint(new Body("86002", 2));

        Assert.True(IdempotentRequest.SameBody(fingerprint.ToUpperInvariant(), fingerprint));
        Assert.False(IdempotentRequest.SameBody(IdempotentRequest.Fingerprint(new Body("86002", 1)).ToUpperInvariant(), fingerprint));
    }

    [Fact]
    public void The_same_key_with_the_same_body_replays_the_first_answer_and_with_another_body_is_a_conflict()
    {
        var first = TypedResults.Accepted("/api/orders/HOU-1");
        var fingerprint = IdempotentRequest.Fingerprint(new Body("86002", 2));
        var receipt = new IdempotentRequest<string>("HOU-1/T1-1", fingerprint, _ => fingerprint, _ => first,
            () => IdempotentRequest.Reused("a different order"));

        Assert.Same(first, receipt.Replay("earlier"));
        var conflict = new IdempotentRequest<string>("HOU-1/T1-1", IdempotentRequest.Fingerprint(new Body("86002", 1)), _ => fingerprint,
            _ => first, () => IdempotentRequest.Reused("a different order"));
        var details = Assert.IsType<ProblemHttpResult>(conflict.Replay("earlier")).ProblemDetails;
        Assert.Equal(StatusCodes.Status409Conflict, details.Status);
        Assert.Equal("idempotency_key.reused", details.Extensions["code"]);
    }

    private static HttpRequest Request(string? key)
    {
        var context = new DefaultHttpContext();
        if (key is not null)
            context.Request.Headers[IdempotentRequest.Header] = key;
        return context.Request;
    }
}
