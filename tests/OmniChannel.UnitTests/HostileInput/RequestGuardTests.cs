using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.UnitTests.HostileInput;

/// <summary>The first check of every request (RequestGuard): control characters anywhere the services read, and a body's depth.</summary>
public class RequestGuardTests
{
    private static string? Code(IResult? result) => (string?)((ProblemHttpResult?)result)?.ProblemDetails.Extensions["code"];

    private static string? BodyCode(string json) => Code(RequestGuard.JsonBodyRefusal(Encoding.UTF8.GetBytes(json)));

    [Theory]
    [InlineData("""{"sku":"a\u0000b"}""")]
    [InlineData("""{"sku":"a\u001b[31m"}""")]
    [InlineData("""{"sku":"line\nbreak"}""")]
    [InlineData("""{"sku":"tab\there"}""")]
    [InlineData("""{"sku":"a\r"}""")]
    [InlineData("""{"sku":"a\u007f"}""")]
    [InlineData("""{"sku":"a\u0085"}""")]
    [InlineData("""{"lines":[{"note":"deep \u009f"}]}""")]
    [InlineData("""{"na\u0000me":"x"}""")]
    public void Escaped_control_characters_in_any_string_are_refused(string json) =>
        Assert.Equal("text.control_character", BodyCode(json));

    [Theory]
    [InlineData("{\"sku\":\"a\u007fb\"}")] // DEL and C1 are valid raw JSON: only this check stops them
    [InlineData("{\"sku\":\"a\u0085b\"}")]
    [InlineData("{\"sku\":\"a\u009bb\"}")]
    [InlineData("{\"s\u0090ku\":\"ab\"}")]
    public void Raw_del_and_c1_characters_are_refused(string json) => Assert.Equal("text.control_character", BodyCode(json));

    [Theory]
    [InlineData("""{"name":"Crème brûlée — 日本 \u00a0 \u00e9","lines":[{"quantity":1,"sku":"A\\B\/C"}]}""")]
    [InlineData("[]")]
    [InlineData("")]
    public void Ordinary_text_passes(string json) => Assert.Null(BodyCode(json));

    [Fact]
    public void A_body_is_at_most_the_depth_limit()
    {
        static string Nested(int depth) => new string('[', depth) + new string(']', depth);

        Assert.Null(BodyCode(Nested(RequestLimits.MaxJsonDepth)));
        Assert.Equal("request.too_deep", BodyCode(Nested(RequestLimits.MaxJsonDepth + 1)));
        Assert.Equal("request.too_deep", BodyCode(Nested(10_000)));
    }

    [Theory]
    [InlineData("{\"sku\":")]
    [InlineData("{\"sku\":\"a\tb\"}")] // a raw tab is not JSON at all
    [InlineData("{\"sku\":\"\\ud800\"}")] // half a surrogate pair is not text
    [InlineData("{} {}")]
    public void Malformed_json_is_request_invalid(string json) => Assert.Equal("request.invalid", BodyCode(json));

    [Theory]
    [InlineData("/api/orders/HOU%1bX", null, null)] // a NUL in a path is refused by Kestrel itself
    [InlineData("/api/pricing/products", "?search=a%1b%5b31m", null)]
    [InlineData("/api/pricing/products", "?se%0arch=a", null)]
    [InlineData("/api/orders", null, "T1-\u0085")]
    public void Control_characters_in_the_path_query_or_read_headers_are_refused(string path, string? query, string? key)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = PathString.FromUriComponent(path);
        context.Request.QueryString = new QueryString(query);
        if (key is not null)
            context.Request.Headers[IdempotentRequest.Header] = key;

        Assert.Equal("text.control_character", Code(RequestGuard.TextRefusal(context.Request)));
    }

    [Fact]
    public void Plain_requests_pass()
    {
        var context = new DefaultHttpContext();
        context.Request.Path = PathString.FromUriComponent("/api/orders/HOU-0001%20x");
        context.Request.QueryString = new QueryString("?search=caf%C3%A9&status=Open");
        context.Request.Headers[IdempotentRequest.Header] = "HOU-T1-000042";
        context.Request.Headers[CorrelationIdMiddleware.HeaderName] = "4bf92f3577b34da6a3ce929d0e0e4736";

        Assert.Null(RequestGuard.TextRefusal(context.Request));
    }
}
