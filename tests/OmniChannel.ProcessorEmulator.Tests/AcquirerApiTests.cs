using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OmniChannel.ProcessorEmulator.Tests.Infrastructure;

namespace OmniChannel.ProcessorEmulator.Tests;

/// <summary>The emulator's own API to a careless or hostile caller: a 4xx problem with a stable code, never a 5xx, nothing kept.</summary>
[Collection(EmulatorCollection.Name)]
public class AcquirerApiTests(EmulatorFixture emulator)
{
    private const string Authorizations = "/merchants/OMNI-US-001/authorizations";

    [Theory]
    [InlineData(Authorizations, "k1", "{\"cardToken\":\"tok_visa_ok\",\"amount\":", "request.invalid")]
    [InlineData(Authorizations, "k1", "", "request.invalid")]
    [InlineData(Authorizations, "k1", "[]", "request.invalid")]
    [InlineData(Authorizations, "k1", "{\"cardToken\":\"tok_visa_ok\",\"amount\":\"ten\",\"currency\":\"USD\"}", "request.invalid")]
    [InlineData(Authorizations, "k1", "{\"cardToken\":\"tok_visa_ok\",\"amount\":1e40,\"currency\":\"USD\"}", "number.out_of_range")]
    [InlineData(Authorizations, "k1", "{\"cardToken\":\"tok_visa_ok\",\"amount\":10,\"currency\":\"USD\",\"x\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}", "request.too_deep")]
    [InlineData(Authorizations, "k1", "{\"cardToken\":\"tok\\u001b[31m\",\"amount\":10,\"currency\":\"USD\"}", "text.control_character")]
    [InlineData(Authorizations, null, "{\"cardToken\":\"tok_visa_ok\",\"amount\":10,\"currency\":\"USD\"}", "idempotency.key_required")]
    [InlineData(Authorizations, "a key with spaces", "{\"cardToken\":\"tok_visa_ok\",\"amount\":10,\"currency\":\"USD\"}", "idempotency.key_invalid")]
    [InlineData(Authorizations, "k1", "{\"amount\":10,\"currency\":\"USD\"}", "value.required")]
    [InlineData(Authorizations, "k1", "{\"cardToken\":\"tok\\u0000\",\"amount\":10,\"currency\":\"USD\"}", "text.control_character")]
    [InlineData("/merchants/OMNI%20US/authorizations", "k1", "{\"cardToken\":\"tok_visa_ok\",\"amount\":10,\"currency\":\"USD\"}", "merchant.invalid")]
    [InlineData("/merchants/OMNI-US-001/captures", "k1", "{\"amount\":10}", "value.required")]
    [InlineData("/merchants/OMNI-US-001/voids", "k1", "{\"authorizationToken\":null}", "value.required")]
    [InlineData("/merchants/OMNI-US-001/refunds", "k1", "{\"amount\":10}", "value.required")]
    [InlineData("/merchants/OMNI-US-001/verifications", null, "{}", "value.required")]
    [InlineData("/tokenize", null, "{\"cardNumber\":\"4242424242424241\"}", "card.number_unknown")]
    [InlineData("/tokenize", null, "{\"merchantId\":\"../x\",\"cardNumber\":\"4111111111111111\"}", "merchant.invalid")]
    [InlineData("/tokenize", null, "{}", "card.number_required")]
    [InlineData("/merchants/OMNI-US-001/nothing", null, "{}", "route.not_found")]
    public async Task Bad_input_is_a_400_or_404_problem_with_a_code(string path, string? key, string body, string code)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (key is not null)
            request.Headers.TryAddWithoutValidation("Idempotency-Key", key);

        using var response = await emulator.Client.SendAsync(request);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_problem()
    {
        var body = $"{{\"cardToken\":\"{new string('t', 300 * 1024)}\",\"amount\":10,\"currency\":\"USD\"}}";
        using var request = new HttpRequestMessage(HttpMethod.Post, Authorizations) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", "k-too-large");

        using var response = await emulator.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("request.too_large", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("/merchants/OMNI-US-001/operations")]
    [InlineData("/merchants/OMNI-US-001/operations?keyPrefix=")]
    public async Task The_operations_are_listed_for_a_key_prefix_only(string path)
    {
        using var response = await emulator.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("operations.key_prefix_required", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_refused_request_keeps_nothing_under_its_key()
    {
        var key = Guid.NewGuid().ToString("N");
        using var refused = await PostAsync(key, new { amount = 10m, currency = "USD" });
        using var accepted = await PostAsync(key, new { cardToken = "tok_visa_ok", amount = 10m, currency = "USD" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("Approved", (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task It_is_ready_while_its_postgresql_answers()
    {
        using var response = await emulator.Client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("postgres", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_test_cards_are_listed_by_their_last_four_digits_only()
    {
        var body = await emulator.Client.GetStringAsync("/test-cards");

        Assert.Contains("\"last4\":\"1111\"", body);
        Assert.DoesNotContain("4111111111111111", body);
    }

    private Task<HttpResponseMessage> PostAsync(string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Authorizations) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return emulator.Client.SendAsync(request);
    }
}
