using System.Net;
using System.Net.Http.Json;
using System.Text;
using OmniChannel.IntegrationTests.Infrastructure;
using OmniChannel.IntegrationTests.Orders;

namespace OmniChannel.IntegrationTests.Platform;

/// <summary>
/// Hostile input through the gateway to a representative route of each service: a 4xx problem with a stable code, never a
/// 5xx, and nothing changed (read before and after). The gateway's own check stops text, depth and size at the edge;
/// the services' binding answers for the shapes (nulls, numbers, enums) and their own size limits.
/// </summary>
[Collection(PlatformCollection.Name)]
public class HostileInputTests(PlatformFixture platform)
{
    // Hostile input from a principal the route admits: refused for what it is, not for lacking a token.
    private HttpClient Gateway => platform.As(Principal.HoustonCashier);

    private HttpClient Merchandiser => platform.As(Principal.Merchandiser);

    private const string Nul = "\\u0000"; // as JSON escapes it

    public static TheoryData<string, string, string> HostileOrders => new()
    {
        { "NUL in a customer id", $$$"""{"storeId":"HOUSTON","terminalId":"T1","customerId":"a{{{Nul}}}b","lines":[{"sku":"81120","quantity":1,"fulfillment":{"type":"carryOut"}}]}""", "text.control_character" },
        { "ESC in a property name", """{"storeId":"HOUSTON","\u001b[31m":1}""", "text.control_character" },
        { "a null line", """{"storeId":"HOUSTON","terminalId":"T1","customerId":"2001","lines":[null]}""", "value.null_element" },
        { "quantity 2^63", """{"storeId":"HOUSTON","terminalId":"T1","customerId":"2001","lines":[{"sku":"81120","quantity":9223372036854775808}]}""", "number.out_of_range" },
        { "deposit percent 1e30", """{"storeId":"HOUSTON","terminalId":"T1","customerId":"2001","lines":[],"deposit":{"percent":1e30}}""", "number.out_of_range" },
        { "nested 40 deep", """{"storeId":""" + new string('[', 40) + new string(']', 40) + "}", "request.too_deep" },
    };

    [Theory]
    [MemberData(nameof(HostileOrders))]
    public async Task A_hostile_order_is_refused_and_keeps_nothing_under_its_key(string _, string body, string code)
    {
        var key = Guid.NewGuid().ToString("N");
        await Problems.AssertAsync(await SendAsync(HttpMethod.Post, "/api/orders", body, key), HttpStatusCode.BadRequest, code);

        // Nothing was stored under the key: a proper order with it is taken as new, neither a replay nor a conflict.
        var orders = new OrderApi(platform);
        using var accepted = await orders.PostAsync(key, OrderApi.Order("2001", "tok_visa_4242", OrderApi.ShipLine("81120", 1)));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
    }

    public static TheoryData<string, string, string> HostileTenders => new()
    {
        { "NUL in a card token", $$$"""{"tenderTypeId":"CARD","cardTypeId":"VISA","cardToken":"tok{{{Nul}}}","amount":10}""", "text.control_character" },
        { "amount 1e30", """{"tenderTypeId":"CARD","cardTypeId":"VISA","cardToken":"tok_visa_ok","amount":1e30}""", "number.out_of_range" },
        { "amount 1e28", """{"tenderTypeId":"CARD","cardTypeId":"VISA","cardToken":"tok_visa_ok","amount":1e28}""", "number.out_of_range" },
        { "amount 2^63", """{"tenderTypeId":"CARD","cardTypeId":"VISA","cardToken":"tok_visa_ok","amount":9223372036854775808}""", "number.out_of_range" },
        { "amount NaN", """{"tenderTypeId":"CARD","cardTypeId":"VISA","cardToken":"tok_visa_ok","amount":"NaN"}""", "request.invalid" },
        { "a null card token", """{"tenderTypeId":"CARD","cardTypeId":"VISA","cardToken":null,"amount":10}""", "value.required" },
    };

    /// <summary>A card taken for an order at the counter (money moves only through the order): hostile ones take nothing.</summary>
    [Theory]
    [MemberData(nameof(HostileTenders))]
    public async Task A_hostile_card_tender_is_refused_and_changes_neither_the_order_nor_its_payments(string _, string body, string code)
    {
        var orders = new OrderApi(platform);
        // A confirmed order picked up later: nothing of it moves until then, so what the refusal changed would show.
        var sku = await orders.NewProductAsync(10.00m, "HOUSTON", onHand: 1);
        var number = await orders.PlaceAsync(OrderApi.Order("2001", "tok_visa_ok", OrderApi.PickupLine(sku, 1, "HOUSTON")));
        var order = await orders.EndStateAsync(number);
        Assert.Equal("Confirmed", order.GetProperty("status").GetString());
        var ledger = $"/api/payments/orders/{order.GetProperty("orderId").GetGuid()}";
        var before = await platform.As(Principal.Operator).GetFromJsonElementAsync(ledger);

        await Problems.AssertAsync(await SendAsync(HttpMethod.Post, $"/api/orders/{number}/tenders", body, Guid.NewGuid().ToString("N")),
            HttpStatusCode.BadRequest, code);

        Assert.Equal(before.ToString(), (await platform.As(Principal.Operator).GetFromJsonElementAsync(ledger)).ToString());
        Assert.Equal(order.GetProperty("history").GetArrayLength(), (await orders.GetAsync(number)).GetProperty("history").GetArrayLength());
    }

    public static TheoryData<string, string, string> HostileDiscounts => new()
    {
        { "NUL in a name", $$$"""{"id":"{id}","name":"a{{{Nul}}}","type":"Simple","skus":["81120"],"offer":{"percentOff":10}}""", "text.control_character" },
        { "mode -1", """{"id":"{id}","name":"n","type":"Simple","mode":-1,"skus":["81120"],"offer":{"percentOff":10}}""", "enum.unknown" },
        { "mode 7 as text", """{"id":"{id}","name":"n","type":"Simple","mode":"7","skus":["81120"],"offer":{"percentOff":10}}""", "enum.unknown" },
        { "an unknown type", """{"id":"{id}","name":"n","type":"Everything","skus":["81120"],"offer":{"percentOff":10}}""", "enum.unknown" },
        { "a null SKU", """{"id":"{id}","name":"n","type":"Simple","skus":[null],"offer":{"percentOff":10}}""", "value.null_element" },
        { "a null description", """{"id":"{id}","name":"n","description":null,"type":"Simple","skus":["81120"],"offer":{"percentOff":10}}""", "value.required" },
        { "percent off 1e30", """{"id":"{id}","name":"n","type":"Simple","skus":["81120"],"offer":{"percentOff":1e30}}""", "number.out_of_range" },
    };

    [Theory]
    [MemberData(nameof(HostileDiscounts))]
    public async Task A_hostile_discount_is_refused_and_not_written(string _, string body, string code)
    {
        var id = $"HOSTILE-{Guid.NewGuid():N}";
        var path = $"/api/pricing/discounts/{id}";
        await Problems.AssertAsync(await Merchandiser.GetAsync(path), HttpStatusCode.NotFound, "discount.not_found");

        await Problems.AssertAsync(await SendAsync(HttpMethod.Put, path, body.Replace("{id}", id), client: Merchandiser), HttpStatusCode.BadRequest, code);

        await Problems.AssertAsync(await Merchandiser.GetAsync(path), HttpStatusCode.NotFound, "discount.not_found");
    }

    public static TheoryData<string, string, string> HostileCarts => new()
    {
        { "NUL in a SKU", $$$"""{"storeId":"HOUSTON","lines":[{"lineId":"1","sku":"8{{{Nul}}}1120"}]}""", "text.control_character" },
        { "a raw DEL", "{\"storeId\":\"HOUSTON\u007f\",\"lines\":[]}", "text.control_character" },
        { "a null line", """{"storeId":"HOUSTON","lines":[null]}""", "value.null_element" },
        { "quantity 2^63", """{"storeId":"HOUSTON","lines":[{"lineId":"1","sku":"81120","quantity":9223372036854775808}]}""", "number.out_of_range" },
        { "price override 1e30", """{"storeId":"HOUSTON","lines":[{"lineId":"1","sku":"81120","priceOverride":1e30}]}""", "number.out_of_range" },
        { "a null store", """{"storeId":null,"lines":[]}""", "value.required" },
    };

    [Theory]
    [MemberData(nameof(HostileCarts))]
    public async Task A_hostile_cart_is_refused(string _, string body, string code) =>
        await Problems.AssertAsync(await SendAsync(HttpMethod.Post, "/api/pricing/carts/price", body), HttpStatusCode.BadRequest, code);

    [Theory]
    [InlineData("/api/inventory/products?search=a%00b")]
    [InlineData("/api/inventory/products?search=a%1b%5b31m")]
    [InlineData("/api/inventory/products?search=%c2%85")]
    [InlineData("/api/inventory/products/81120%0d%0aX")]
    [InlineData("/api/pricing/stores/HOUSTON/prices/81120?customerId=2001%0a")]
    public async Task Control_characters_in_a_path_or_a_query_are_refused(string path) =>
        await Problems.AssertAsync(await Gateway.GetAsync(path), HttpStatusCode.BadRequest, "text.control_character");

    [Fact]
    public async Task A_control_character_in_a_read_header_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/inventory/products/81120");
        request.Headers.TryAddWithoutValidation("X-Correlation-Id", "abc\u007f");

        await Problems.AssertAsync(await Gateway.SendAsync(request), HttpStatusCode.BadRequest, "text.control_character");
    }

    [Fact]
    public async Task Bodies_over_the_limit_are_413_at_the_gateway_and_at_the_service()
    {
        static string CartOf(int bytes) => $$"""{"storeId":"HOUSTON","lines":[],"customerId":"{{new string('x', bytes)}}"}""";

        // Over the gateway's limit (1 MB, the largest any route takes); over the Pricing cart route's (256 KB) only.
        await Problems.AssertAsync(await SendAsync(HttpMethod.Post, "/api/pricing/carts/price", CartOf(2 * 1024 * 1024)),
            HttpStatusCode.RequestEntityTooLarge, "request.too_large");
        await Problems.AssertAsync(await SendAsync(HttpMethod.Post, "/api/pricing/carts/price", CartOf(300 * 1024)),
            HttpStatusCode.RequestEntityTooLarge, "request.too_large");
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string json, string? idempotencyKey = null, HttpClient? client = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        // Ask before sending a body: a server refusing its size answers at once, instead of closing on a half-sent body.
        request.Headers.ExpectContinue = true;
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        return (client ?? Gateway).SendAsync(request);
    }
}
