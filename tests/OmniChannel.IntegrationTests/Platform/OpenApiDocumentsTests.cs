using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using OmniChannel.IntegrationTests.Infrastructure;

namespace OmniChannel.IntegrationTests.Platform;

/// <summary>
/// Issue 12 §8, the OpenAPI documents tell the truth, read as a client reads them (through the gateway): who may call
/// each operation and how to get a token for it, every status it answers with the platform's problem details, the
/// headers it reads, which members a body must hold, and the gateway as the server to call. The hostile-input suite
/// (<see cref="HostileInputSuiteTests"/>) checks the statuses against what the services really answer.
/// </summary>
[Collection(PlatformCollection.Name)]
public class OpenApiDocumentsTests(PlatformFixture platform)
{
    public static readonly TheoryData<string> Services = new() { "orders", "inventory", "payments", "pickups", "pricing" };

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Every_operation_is_a_gateway_route_with_its_problems_and_its_token(string service)
    {
        var document = await DocumentAsync(service);

        Assert.Equal(platform.Platform.GatewayUrl.ToString().TrimEnd('/'), document.GetProperty("servers")[0].GetProperty("url").GetString());
        var problem = document.GetProperty("components").GetProperty("schemas").GetProperty("ProblemDetails");
        Assert.Contains("code", problem.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("string", problem.GetProperty("properties").GetProperty("code").GetProperty("type").GetString());
        foreach (var (path, method, operation) in Operations(document))
        {
            var name = $"{method.ToUpperInvariant()} {path}";
            Assert.True(path == $"/api/{service}" || path.StartsWith($"/api/{service}/", StringComparison.Ordinal)
                        || path.StartsWith("/api/storefronts/", StringComparison.Ordinal),
                $"{name}: only what the gateway routes is described (no /internal, no /operations)");
            var responses = operation.GetProperty("responses");
            Assert.Contains(responses.EnumerateObject(), r => r.Name.StartsWith('2'));
            foreach (var status in new[] { "400", "429" })
                Assert.True(responses.TryGetProperty(status, out _), $"{name} declares no {status}");
            if (operation.TryGetProperty("requestBody", out _))
                Assert.True(responses.TryGetProperty("413", out _), $"{name} takes a body but declares no 413");
            foreach (var error in responses.EnumerateObject().Where(r => r.Name[0] is '4' or '5'))
                Assert.Equal("#/components/schemas/ProblemDetails",
                    error.Value.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString());
            if (operation.TryGetProperty("security", out var security))
            {
                Assert.Equal(["bearer", "oauth2"], security.EnumerateArray().SelectMany(r => r.EnumerateObject().Select(s => s.Name)).Order());
                Assert.True(responses.TryGetProperty("401", out _), $"{name} needs a token but declares no 401");
            }
            else
                Assert.Equal("POST /api/storefronts/{storefrontId}/webhooks", name); // the one operation without a token: it is signed
        }
    }

    [Fact]
    public async Task A_protected_operation_names_the_token_and_answers_401_and_403_as_problems()
    {
        var getOrder = Operation(await DocumentAsync("orders"), "/api/orders/{confirmationNumber}", "get");

        var requirements = getOrder.GetProperty("security").EnumerateArray().ToList();
        Assert.Equal(["omnichannel"], requirements.Single(r => r.TryGetProperty("oauth2", out _)).GetProperty("oauth2").EnumerateArray().Select(s => s.GetString()));
        Assert.Contains(requirements, r => r.TryGetProperty("bearer", out _));
        Assert.Equal(["200", "400", "401", "403", "404", "429"], getOrder.GetProperty("responses").EnumerateObject().Select(r => r.Name));
        await Problems.AssertAsync(await platform.Gateway.GetAsync("/api/orders/HOU-0000001"), HttpStatusCode.Unauthorized, "auth.token_missing");
        await Problems.AssertAsync(await platform.As(Principal.Storefront).GetAsync("/api/orders/HOU-0000001"), HttpStatusCode.Forbidden, "auth.forbidden");

        // A read any token may make has nothing to forbid.
        var products = Operation(await DocumentAsync("inventory"), "/api/inventory/products", "get");
        Assert.False(products.GetProperty("responses").TryGetProperty("403", out _));
        Assert.True(products.GetProperty("responses").TryGetProperty("401", out _));
    }

    [Fact]
    public async Task The_documents_token_endpoint_gives_a_token_that_the_documents_server_accepts()
    {
        var document = await DocumentAsync("inventory");
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("bearer", schemes.GetProperty("bearer").GetProperty("scheme").GetString());
        var flows = schemes.GetProperty("oauth2").GetProperty("flows");
        Assert.True(flows.TryGetProperty("password", out _)); // a cashier signs in on a terminal
        var tokenUrl = flows.GetProperty("clientCredentials").GetProperty("tokenUrl").GetString()!;

        // "Try it" as a client would: a token from the document's token endpoint, the call at the document's server.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var tokenResponse = await http.PostAsync(tokenUrl, new FormUrlEncodedContent(await platform.Platform.Tokens.FormAsync(Principal.Merchandiser)));
        Assert.Equal(HttpStatusCode.OK, tokenResponse.StatusCode);
        var token = (await tokenResponse.ReadJsonAsync()).GetProperty("access_token").GetString();
        using var request = new HttpRequestMessage(HttpMethod.Get, document.GetProperty("servers")[0].GetProperty("url").GetString() + "/api/inventory/products");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("orders", "/api/orders")]
    [InlineData("orders", "/api/orders/{confirmationNumber}/cancellation")]
    [InlineData("orders", "/api/orders/{confirmationNumber}/tenders")]
    [InlineData("pickups", "/api/pickups/{pickupId}/completion")]
    public async Task Writes_that_read_an_Idempotency_Key_require_it_and_declare_its_conflict(string service, string path)
    {
        var operation = Operation(await DocumentAsync(service), path, "post");

        var key = operation.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Idempotency-Key");
        Assert.Equal("header", key.GetProperty("in").GetString());
        Assert.True(key.GetProperty("required").GetBoolean());
        Assert.Equal(128, key.GetProperty("schema").GetProperty("maxLength").GetInt32());
        Assert.True(operation.GetProperty("responses").TryGetProperty("409", out _));
    }

    [Fact]
    public async Task An_operation_that_takes_no_Idempotency_Key_names_none()
    {
        var invoice = Operation(await DocumentAsync("orders"), "/api/orders/{confirmationNumber}/invoices", "post"); // idempotent by invoiceId

        Assert.DoesNotContain(invoice.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "Idempotency-Key");
    }

    [Fact]
    public async Task Success_answers_name_their_status_and_body()
    {
        var orders = await DocumentAsync("orders");

        Assert.Equal("#/components/schemas/OrderAccepted", SchemaRef(Operation(orders, "/api/orders", "post"), "202"));
        Assert.Equal("#/components/schemas/CardTenderAccepted", SchemaRef(Operation(orders, "/api/orders/{confirmationNumber}/tenders", "post"), "201"));
        Assert.Equal("#/components/schemas/OrderView", SchemaRef(Operation(orders, "/api/orders/{confirmationNumber}", "get"), "200"));
        var deleteDiscount = Operation(await DocumentAsync("pricing"), "/api/pricing/discounts/{id}", "delete");
        Assert.True(deleteDiscount.GetProperty("responses").TryGetProperty("204", out _));
        Assert.False(deleteDiscount.GetProperty("responses").TryGetProperty("200", out _));
    }

    [Fact]
    public async Task A_request_records_non_nullable_members_are_required_and_its_numbers_and_enums_typed()
    {
        var inventory = Schemas(await DocumentAsync("inventory"));
        var register = inventory.GetProperty("RegisterProductRequest");
        // RegisterProductRequest(string Sku, string Name, string Upc, string VendorPartNumber, string? Mpn, decimal BasePrice,
        //     string? Currency, bool PriceOverrideAllowed, bool Discountable, bool RevenueRecognition)
        Assert.Equal(["basePrice", "discountable", "name", "priceOverrideAllowed", "revenueRecognition", "sku", "upc", "vendorPartNumber"],
            Required(register));
        Assert.Equal("number", register.GetProperty("properties").GetProperty("basePrice").GetProperty("type").GetString());

        var orders = Schemas(await DocumentAsync("orders"));
        Assert.Empty(Required(orders.GetProperty("CancelOrderRequest"))); // chargePercent may be left out (ORD-8)
        Assert.Equal(["amount", "cardToken", "cardTypeId", "tenderTypeId"], Required(orders.GetProperty("AddCardTenderRequest")));
        Assert.Equal("integer", orders.GetProperty("LineQuantity").GetProperty("properties").GetProperty("quantity").GetProperty("type").GetString());
        // A terminal's order names its terminal and deposit, a storefront's neither: the body itself requires none of them.
        Assert.Empty(Required(orders.GetProperty("CreateOrderRequest")));

        // Cart { string StoreId = ""; string? CustomerId; IReadOnlyList<CartLine> Lines = []; ... }: left out, each keeps its default.
        var cart = Schemas(await DocumentAsync("pricing")).GetProperty("Cart");
        Assert.DoesNotContain("customerId", Required(cart));
        Assert.DoesNotContain("lines", Required(cart));

        var status = Schemas(await DocumentAsync("pickups")).GetProperty("PickupStatus");
        Assert.Equal("string", status.GetProperty("type").GetString());
        Assert.Contains("Requested", status.GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
    }

    private async Task<JsonElement> DocumentAsync(string service) => await platform.Gateway.GetFromJsonElementAsync($"/openapi/{service}/v1.json");

    private static JsonElement Schemas(JsonElement document) => document.GetProperty("components").GetProperty("schemas");

    private static List<string> Required(JsonElement schema) => schema.TryGetProperty("required", out var required)
        ? [.. required.EnumerateArray().Select(r => r.GetString()!).Order(StringComparer.Ordinal)]
        : [];

    private static JsonElement Operation(JsonElement document, string path, string method) =>
        document.GetProperty("paths").GetProperty(path).GetProperty(method);

    private static string? SchemaRef(JsonElement operation, string status) =>
        operation.GetProperty("responses").GetProperty(status).GetProperty("content").GetProperty("application/json").GetProperty("schema")
            .GetProperty("$ref").GetString();

    private static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Where(o => o.Name is "get" or "put" or "post" or "delete" or "patch")
            .Select(o => (path.Name, o.Name, o.Value)));
}
