using System.Net;
using System.Net.Http.Json;
using OmniChannel.IntegrationTests.Infrastructure;

namespace OmniChannel.IntegrationTests.Pricing;

/// <summary>
/// Text PostgreSQL cannot store (a NUL): refused at the edge with 400 <c>text.control_character</c> (ServiceDefaults'
/// RequestGuard), and the service keeps answering. Should such text ever get past the edge, PostgreSQL's refusal is
/// <c>text.invalid</c> and the pool is retired (docs/postgres-connections.md): proved deterministically, on one pooled
/// connection, by tests/OmniChannel.Messaging.Tests/PooledConnectionTests.cs.
/// </summary>
[Collection(PlatformCollection.Name)]
public class RefusedTextTests(PlatformFixture platform)
{
    private HttpClient Gateway => platform.As(Principal.HoustonCashier);

    private static object Cart(string sku) => new
    {
        storeId = "HOUSTON", lines = new[] { new { lineId = "1", sku, quantity = 1 } },
    };

    [Fact]
    public async Task A_cart_with_a_NUL_in_a_sku_is_refused_and_later_carts_are_priced()
    {
        for (var request = 1; request <= 60; request++)
        {
            if (request % 5 == 0)
                await Problems.AssertAsync(await Gateway.PostAsJsonAsync("/api/pricing/carts/price", Cart("81\u000020")),
                    HttpStatusCode.BadRequest, "text.control_character");
            else
                await AssertPricedAsync(request);
        }

        for (var request = 0; request < 300; request++)
            await AssertPricedAsync(request);
    }

    private async Task AssertPricedAsync(int request)
    {
        using var response = await Gateway.PostAsJsonAsync("/api/pricing/carts/price", Cart("81120"));
        Assert.True(response.StatusCode == HttpStatusCode.OK,
            $"request {request} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
