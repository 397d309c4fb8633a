using System.Text.Json;
using OmniChannel.InventoryAllocation.Features.Products;
using OmniChannel.Order.Features.CreateOrder;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.UnitTests.HostileInput;

public enum Shade { Light, Dark }

public sealed record Swatch(Shade Shade, int Count, long Serial, decimal Amount, decimal? Percent = null);

/// <summary>How every service reads a JSON request (RequestJson): a stable code for each malformed shape, never a crash later.</summary>
public class RequestJsonTests
{
    private static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        RequestJson.Configure(options);
        return options;
    }

    private static string Refused<T>(string json) =>
        Assert.Throws<RequestRefusedException>(() => JsonSerializer.Deserialize<T>(json, Options)).Code;

    [Theory]
    [InlineData("-1")]
    [InlineData("7")]
    [InlineData("\"7\"")]
    [InlineData("\"-1\"")]
    [InlineData("\"Purple\"")]
    [InlineData("\"Light, Dark\"")]
    [InlineData("\" Light\"")]
    [InlineData("null")]
    public void An_enum_is_one_of_its_names_only(string shade) =>
        Assert.Equal("enum.unknown", Refused<Swatch>($$"""{"shade":{{shade}},"count":1,"serial":1,"amount":1}"""));

    [Fact]
    public void Enum_names_are_read_in_any_case_and_written_as_declared()
    {
        var swatch = JsonSerializer.Deserialize<Swatch>("""{"shade":"dark","count":1,"serial":1,"amount":1}""", Options)!;

        Assert.Equal(Shade.Dark, swatch.Shade);
        Assert.Contains("\"shade\":\"Dark\"", JsonSerializer.Serialize(swatch, Options));
    }

    [Theory]
    [InlineData("\"count\":9223372036854775808")]
    [InlineData("\"count\":2147483648")]
    [InlineData("\"count\":1.5")]
    [InlineData("\"serial\":9223372036854775808")]
    [InlineData("\"amount\":1e30")]
    [InlineData("\"amount\":1e40")]
    [InlineData("\"amount\":1000000000000.01")]
    [InlineData("\"amount\":-1e13")]
    [InlineData("\"percent\":1e30")]
    [InlineData("\"amount\":1e-30")]
    [InlineData("\"amount\":-0.00000000000000000000000000000001")]
    public void Numbers_beyond_range_are_refused(string member) =>
        Assert.Equal("number.out_of_range", Refused<Swatch>($$"""{"shade":"Light","count":1,"serial":1,"amount":1,{{member}}}"""));

    [Theory]
    [InlineData("\"amount\":\"NaN\"")]
    [InlineData("\"amount\":\"Infinity\"")]
    [InlineData("\"count\":\"1\"")]
    public void Numbers_are_json_numbers(string member) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Swatch>($$"""{"shade":"Light","count":1,"serial":1,"amount":1,{{member}}}""", Options));

    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("0.000")]
    [InlineData("0e7")]
    public void Zero_is_zero(string amount) =>
        Assert.Equal(0m, JsonSerializer.Deserialize<Swatch>($$"""{"shade":"Light","count":1,"serial":1,"amount":{{amount}}}""", Options)!.Amount);

    [Fact]
    public void Amounts_up_to_a_trillion_are_read_exactly()
    {
        var swatch = JsonSerializer.Deserialize<Swatch>("""{"shade":"Light","count":2147483647,"serial":-9223372036854775808,"amount":1000000000000}""", Options)!;

        Assert.Equal((int.MaxValue, long.MinValue, RequestJson.MaxDecimal), (swatch.Count, swatch.Serial, swatch.Amount));
    }

    [Fact]
    public void A_null_line_is_refused_not_a_null_reference_later() =>
        Assert.Equal("value.null_element", Refused<CreateOrderRequest>("""{"storeId":"HOU","lines":[null]}"""));

    [Fact]
    public void Null_where_a_record_requires_a_value_is_refused_sent_or_left_out()
    {
        Assert.Equal("value.required", Refused<RegisterProductRequest>("""{"sku":null,"name":"n","upc":"u","vendorPartNumber":"v"}"""));
        Assert.Equal("value.required", Refused<RegisterProductRequest>("""{"sku":"S1","upc":"u","vendorPartNumber":"v"}"""));
    }

    [Fact]
    public void Optional_members_may_be_null_or_absent()
    {
        var request = JsonSerializer.Deserialize<CreateOrderRequest>("""{"storeId":null,"lines":[{"sku":"A","quantity":1}]}""", Options)!;

        Assert.Null(request.StoreId);
        Assert.Null(request.Lines![0].Fulfillment);
    }

    [Fact]
    public void Deeper_json_than_the_limit_is_refused()
    {
        var deep = new string('[', RequestLimits.MaxJsonDepth + 1) + new string(']', RequestLimits.MaxJsonDepth + 1);

        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<JsonElement>(deep, Options));
    }
}
