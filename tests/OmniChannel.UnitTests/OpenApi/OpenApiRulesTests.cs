using System.Text.Json;
using Microsoft.AspNetCore.Http;
using OmniChannel.ServiceDefaults.OpenApi;

namespace OmniChannel.UnitTests.OpenApi;

/// <summary>Issue 12 §8: where a document sends clients, and which members it says a body must hold.</summary>
public class OpenApiRulesTests
{
    [Fact]
    public void The_configured_gateway_url_is_the_server()
    {
        Assert.Equal("http://127.0.0.1:8080", GatewayServers.PublicUrl("http://127.0.0.1:8080/", Forwarded("https", "evil.example")));
        Assert.Equal("https://api.retailer.example/omni", GatewayServers.PublicUrl("https://api.retailer.example/omni", null));
    }

    [Fact]
    public void Without_one_the_gateways_forwarded_headers_name_it()
    {
        Assert.Equal("http://127.0.0.1:8080", GatewayServers.PublicUrl(null, Forwarded("http", "127.0.0.1:8080")));
        Assert.Equal("https://shop.example/api-gw", GatewayServers.PublicUrl("", Forwarded("https, http", "shop.example, 10.0.0.5:8080", "/api-gw")));
    }

    [Theory]
    [InlineData("ftp", "gw.example")]
    [InlineData("http", "gw.example/\u0001")]
    [InlineData("http", "")]
    [InlineData("javascript", "alert(1)")]
    public void A_forwarded_url_that_is_not_plain_http_is_not_taken(string proto, string host) =>
        Assert.Null(GatewayServers.PublicUrl(null, Forwarded(proto, host)));

    [Fact]
    public void A_request_straight_to_a_service_keeps_its_own_url() =>
        Assert.Null(GatewayServers.PublicUrl(null, new HeaderDictionary()));

    [Fact]
    public void Non_nullable_members_a_body_can_set_are_required_and_nullable_ones_are_not()
    {
        var typeInfo = JsonSerializerOptions.Web.GetTypeInfo(typeof(Sample));

        Assert.Equal(["count", "kind", "lines", "name", "named"], RequestSchemas.Required(typeInfo).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_member_with_a_default_may_be_left_out()
    {
        Assert.Equal(["sku"], RequestSchemas.Required(JsonSerializerOptions.Web.GetTypeInfo(typeof(WithDefaults))));
        // Read through its parameterless constructor: what keeps its initializer is not required; a value type is.
        Assert.Equal(["flag", "storeId"], RequestSchemas.Required(JsonSerializerOptions.Web.GetTypeInfo(typeof(Initialized))).Order(StringComparer.Ordinal));
    }

    private static HeaderDictionary Forwarded(string proto, string host, string? prefix = null)
    {
        var headers = new HeaderDictionary { ["X-Forwarded-Proto"] = proto, ["X-Forwarded-Host"] = host };
        if (prefix is not null)
            headers["X-Forwarded-Prefix"] = prefix;
        return headers;
    }

    private enum Kind { One }

    private sealed record WithDefaults(string Sku, int LineId = 0, string Channel = "store");

    private sealed record Initialized
    {
        public string StoreId { get; init; } = null!;
        public IReadOnlyList<string> Lines { get; init; } = [];
        public bool Flag { get; init; }
    }

    private sealed record Sample(string Name, string? Nickname, int Count, int? Limit, Kind Kind, Kind? MaybeKind, IReadOnlyList<string> Lines,
        IReadOnlyList<string>? Tags, decimal? Percent = null)
    {
        public string Named { get; init; } = "";
        public string? Optional { get; init; }
        public int Computed => Count + 1;
    }
}
