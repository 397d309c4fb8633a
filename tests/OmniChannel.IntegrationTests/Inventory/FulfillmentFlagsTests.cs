using System.Net;
using System.Net.Http.Json;
using OmniChannel.IntegrationTests.Infrastructure;
using OmniChannel.IntegrationTests.Orders;

namespace OmniChannel.IntegrationTests.Inventory;

/// <summary>INV-3 through the gateway: an operator flags an order; its lines show their availability per warehouse.</summary>
[Collection(PlatformCollection.Name)]
public class FulfillmentFlagsTests(PlatformFixture platform)
{
    private readonly OrderApi orders = new(platform);

    [Fact]
    public async Task INV3_an_operator_holds_and_prioritises_an_order_with_a_memo_and_sees_its_lines_availability_per_warehouse()
    {
        var sku = await orders.NewProductAsync(7.00m, "HOUSTON", onHand: 6);
        var order = await orders.EndStateAsync(await orders.PlaceAsync(OrderApi.Order("2001", "tok_visa_ok", OrderApi.PickupLine(sku, 2, "HOUSTON"))));
        var orderId = order.GetProperty("orderId").GetGuid();
        var path = $"/api/inventory/orders/{orderId}/fulfillment";

        using (var set = await platform.As(Principal.Operator).PutAsJsonAsync($"{path}/flags", new { hold = true, priority = true, memo = "Call before shipping" }))
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);

        var view = await platform.As(Principal.Operator).GetFromJsonElementAsync(path);
        var flags = view.GetProperty("flags");
        Assert.Equal((true, false, true, "Call before shipping"),
            (flags.GetProperty("hold").GetBoolean(), flags.GetProperty("flag").GetBoolean(), flags.GetProperty("priority").GetBoolean(), flags.GetProperty("memo").GetString()));
        var availability = view.GetProperty("lines")[0].GetProperty("availability").EnumerateArray().Single();
        Assert.Equal(("HOUSTON", 4), (availability.GetProperty("locationId").GetString(), availability.GetProperty("available").GetInt32()));

        await Problems.AssertAsync(await platform.As(Principal.HoustonCashier).PutAsJsonAsync($"{path}/flags", new { hold = false }), HttpStatusCode.Forbidden, "auth.forbidden");
        await Problems.AssertAsync(await platform.As(Principal.Operator).PutAsJsonAsync($"{path}/flags", new { memo = new string('m', 501) }),
            HttpStatusCode.BadRequest, "fulfillment.memo_too_long");
        await Problems.AssertAsync(await platform.As(Principal.Operator).PutAsJsonAsync($"/api/inventory/orders/{Guid.NewGuid()}/fulfillment/flags", new { hold = true }),
            HttpStatusCode.NotFound, "order.not_found");
    }
}
