using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OmniChannel.IntegrationTests.Infrastructure;

namespace OmniChannel.IntegrationTests.Pricing;

/// <summary>
/// The terminal's pricing API through the gateway, on the sample catalogue: HOUSTON and SEATTLE (price group RETAIL-US,
/// SEATTLE also in the spring catalog), Karen Berg (2001, Outdoor Club) and Contoso (3001), as HOUSTON's cashier 1001
/// unless a test acts as another principal: the caps are those of the caller's token, never of the cart.
/// </summary>
[Collection(PlatformCollection.Name)]
public class PricingGatewayTests(PlatformFixture platform)
{
    private HttpClient Gateway => platform.As(Principal.HoustonCashier);

    private static object Line(string lineId, string sku, int quantity = 1, bool isReturn = false) => new { lineId, sku, quantity, isReturn };

    private static Dictionary<string, object?> Cart(params object[] lines) => new()
    {
        ["storeId"] = "HOUSTON", ["lines"] = lines,
    };

    private async Task<JsonElement> OkAsync(string path, object body, Principal? principal = null)
    {
        using var response = await platform.As(principal ?? Principal.HoustonCashier).PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    private static decimal Net(JsonElement pricing, string lineId) =>
        pricing.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("lineId").GetString() == lineId).GetProperty("netAmount").GetDecimal();

    private static IEnumerable<string?> DiscountIds(JsonElement pricing) =>
        pricing.GetProperty("lines").EnumerateArray().SelectMany(l => l.GetProperty("discounts").EnumerateArray())
            .Select(d => d.GetProperty("discountId").GetString()).Distinct();

    [Fact]
    public async Task PRC1_price_check_uses_the_trade_agreements_of_the_customers_price_groups()
    {
        var anonymous = await Gateway.GetFromJsonElementAsync("/api/pricing/stores/HOUSTON/prices/81120");
        var member = await Gateway.GetFromJsonElementAsync("/api/pricing/stores/HOUSTON/prices/81120?customerId=2001");

        Assert.Equal((129.99m, "BasePrice"), (anonymous.GetProperty("price").GetDecimal(), anonymous.GetProperty("source").GetString()));
        Assert.Equal((119.99m, "TradeAgreement"), (member.GetProperty("price").GetDecimal(), member.GetProperty("source").GetString()));
        Assert.Equal("OUTDOOR-CLUB", member.GetProperty("tradeAgreementPriceGroup").GetString());
    }

    [Fact]
    public async Task A_cart_is_priced_with_the_best_system_discounts_and_every_line_explains_itself()
    {
        var pricing = await OkAsync("/api/pricing/carts/price", Cart(Line("1", "81120"), Line("2", "83010"), Line("3", "86002")));

        Assert.Equal(0.00m, Net(pricing, "2")); // trail shoes + socks: socks free
        Assert.Equal(14.99m, Net(pricing, "3")); // bottle: trade agreement 17.99, then the fixed price 14.99
        Assert.Equal(144.98m, pricing.GetProperty("netAmount").GetDecimal());
        Assert.Equal(pricing.GetProperty("lines").EnumerateArray().Sum(l => l.GetProperty("netAmount").GetDecimal()),
            pricing.GetProperty("netAmount").GetDecimal());
        Assert.True(pricing.GetProperty("bestPriceExact").GetBoolean());
        var bottle = pricing.GetProperty("lines")[2].GetProperty("explanation").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal("17.99 USD each, trade agreement TA-RETAIL-86002 of price group RETAIL-US.", bottle[0]);
        Assert.Contains("Water bottle for 14.99", bottle[1]);
    }

    [Fact]
    public async Task PRC11_a_scanned_coupon_barcode_unlocks_its_discount_and_PRC12_removing_it_takes_it_away()
    {
        var cart = Cart(Line("1", "84100"));

        var added = await OkAsync("/api/pricing/carts/coupons/add", new { cart, code = "9800000000017" });
        Assert.Equal(["SPRING20"], added.GetProperty("cart").GetProperty("couponCodes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(71.96m, added.GetProperty("pricing").GetProperty("netAmount").GetDecimal());

        var removed = await OkAsync("/api/pricing/carts/coupons/remove", new { cart = added.GetProperty("cart"), codes = new[] { "SPRING20" } });
        Assert.Empty(removed.GetProperty("cart").GetProperty("couponCodes").EnumerateArray());
        Assert.Equal(89.95m, removed.GetProperty("pricing").GetProperty("netAmount").GetDecimal());
    }

    public static TheoryData<string, string, object, HttpStatusCode, string> Refusals => new()
    {
        { "PRC11 unknown coupon", "/api/pricing/carts/coupons/add", new { cart = Cart(Line("1", "84100")), code = "NOPE" }, HttpStatusCode.BadRequest, "coupon.not_found" },
        { "PRC11 expired coupon", "/api/pricing/carts/coupons/add", new { cart = Cart(Line("1", "84100")), code = "SUMMER23" }, HttpStatusCode.Conflict, "coupon.expired" },
        { "PRC4 product without override", "/api/pricing/carts/price-override", new { cart = Cart(Line("1", "81120")), lineId = "1", unitPrice = 99 }, HttpStatusCode.BadRequest, "price_override.not_allowed" },
        { "PRC4 cashier may not override", "/api/pricing/carts/price-override", new { cart = Cart(Line("1", "82001")), lineId = "1", unitPrice = 150 }, HttpStatusCode.Forbidden, "price_override.not_permitted" },
        { "PRC5 line amount over the cashier's cap", "/api/pricing/carts/line-discount", new { cart = Cart(Line("1", "82001")), lineId = "1", amount = 25 }, HttpStatusCode.Forbidden, "line_discount.over_cap" },
        { "PRC6 line percent over the cashier's cap", "/api/pricing/carts/line-discount", new { cart = Cart(Line("1", "82001")), lineId = "1", percent = 15 }, HttpStatusCode.Forbidden, "line_discount.over_cap" },
        { "PRC5 non-discountable product", "/api/pricing/carts/line-discount", new { cart = Cart(Line("1", "85010")), lineId = "1", amount = 5 }, HttpStatusCode.BadRequest, "line_discount.not_discountable" },
        { "PRC7 total amount over the cashier's cap", "/api/pricing/carts/total-discount", new { cart = Cart(Line("1", "82001")), amount = 30 }, HttpStatusCode.Forbidden, "total_discount.over_cap" },
        { "PRC8 total on a cart mixing sales and returns", "/api/pricing/carts/total-discount", new { cart = Cart(Line("1", "82001"), Line("2", "84100", isReturn: true)), percent = 5 }, HttpStatusCode.Conflict, "total_discount.mixed_cart" },
        { "unknown product", "/api/pricing/carts/price", Cart(Line("1", "NOPE")), HttpStatusCode.BadRequest, "product.not_found" },
        { "negative quantity", "/api/pricing/carts/price", Cart(Line("1", "82001", quantity: -2)), HttpStatusCode.BadRequest, "line.quantity_invalid" },
        { "unknown store", "/api/pricing/carts/price", new { storeId = "NOWHERE", lines = new[] { Line("1", "82001") } }, HttpStatusCode.BadRequest, "store.not_found" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Refused_operations_are_problem_details_with_a_stable_code(string _, string path, object body, HttpStatusCode status, string code) =>
        await Problems.AssertAsync(await Gateway.PostAsJsonAsync(path, body), status, code);

    [Fact]
    public async Task Malformed_json_is_a_bad_request()
    {
        using var content = new StringContent("{\"storeId\":", System.Text.Encoding.UTF8, "application/json");
        await Problems.AssertAsync(await Gateway.PostAsync("/api/pricing/carts/price", content), HttpStatusCode.BadRequest, "request.invalid");
    }

    [Fact]
    public async Task PRC5_PRC8_a_manager_discounts_within_the_higher_caps()
    {
        var cart = Cart(Line("1", "82001"), Line("2", "86001"));

        var line = await OkAsync("/api/pricing/carts/line-discount", new { cart, lineId = "1", amount = 40 }, Principal.HoustonManager);
        var total = await OkAsync("/api/pricing/carts/total-discount", new { cart = line.GetProperty("cart"), percent = 10 }, Principal.HoustonManager);

        // Jacket 189.00 − 40.00 = 149.00; headlamp 39.99 − 15 % = 33.99; then 10 % off both: 134.10 + 30.59.
        Assert.Equal(164.69m, total.GetProperty("pricing").GetProperty("netAmount").GetDecimal());
    }

    [Fact]
    public async Task PRC5_the_cap_is_the_callers_token_s_so_a_cashier_naming_the_manager_group_in_the_cart_is_still_refused()
    {
        var cart = new Dictionary<string, object?> { ["storeId"] = "HOUSTON", ["permissionGroup"] = "manager", ["lines"] = new[] { Line("1", "82001") } };

        await Problems.AssertAsync(await platform.As(Principal.HoustonCashier).PostAsJsonAsync("/api/pricing/carts/line-discount",
            new { cart, lineId = "1", amount = 40 }), HttpStatusCode.Forbidden, "line_discount.over_cap");
        var manager = await OkAsync("/api/pricing/carts/line-discount", new { cart = Cart(Line("1", "82001")), lineId = "1", amount = 40 },
            Principal.HoustonManager);
        Assert.Equal(149.00m, Net(manager.GetProperty("pricing"), "1"));
    }

    [Theory]
    [InlineData(nameof(Principal.HoustonTerminal))]
    [InlineData(nameof(Principal.Storefront))]
    public async Task PRC4_to_PRC8_without_a_signed_in_cashier_there_are_no_manual_rights_at_all(string name)
    {
        var caller = platform.As(name == nameof(Principal.Storefront) ? Principal.Storefront : Principal.HoustonTerminal);

        await Problems.AssertAsync(await caller.PostAsJsonAsync("/api/pricing/carts/line-discount",
            new { cart = Cart(Line("1", "82001")), lineId = "1", amount = 1 }), HttpStatusCode.Forbidden, "permission_group.required");
        await Problems.AssertAsync(await caller.PostAsJsonAsync("/api/pricing/carts/total-discount",
            new { cart = Cart(Line("1", "82001")), percent = 1 }), HttpStatusCode.Forbidden, "permission_group.required");
        await Problems.AssertAsync(await caller.PostAsJsonAsync("/api/pricing/carts/price-override",
            new { cart = Cart(Line("1", "82001")), lineId = "1", unitPrice = 150 }), HttpStatusCode.Forbidden, "permission_group.required");
        using var plain = await caller.PostAsJsonAsync("/api/pricing/carts/price", Cart(Line("1", "82001")));
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode); // pricing itself is theirs
    }

    [Fact]
    public async Task PRC9_removing_system_discounts_keeps_manual_ones_and_Reapplying_restores_them()
    {
        var cart = Cart(Line("1", "86001"));
        var discounted = await OkAsync("/api/pricing/carts/line-discount", new { cart, lineId = "1", amount = 5 });

        var removed = await OkAsync("/api/pricing/carts/remove-system-discounts", new { cart = discounted.GetProperty("cart") });
        Assert.Equal(["manual-line"], DiscountIds(removed.GetProperty("pricing")));
        Assert.Equal(34.99m, removed.GetProperty("pricing").GetProperty("netAmount").GetDecimal());

        var reapplied = await OkAsync("/api/pricing/carts/reapply-system-discounts", new { cart = removed.GetProperty("cart") });
        Assert.Equal(["HEADLAMP-15", "manual-line"], DiscountIds(reapplied.GetProperty("pricing")));
    }

    [Fact]
    public async Task PRC14_a_locked_line_refuses_a_manual_discount_until_PRC13_recalculate_unlocks_every_line()
    {
        var locked = await OkAsync("/api/pricing/carts/lock", new { cart = Cart(Line("1", "82001"), Line("2", "86001")) });
        Assert.All(locked.GetProperty("pricing").GetProperty("lines").EnumerateArray(), l => Assert.True(l.GetProperty("locked").GetBoolean()));

        await Problems.AssertAsync(await Gateway.PostAsJsonAsync("/api/pricing/carts/line-discount",
            new { cart = locked.GetProperty("cart"), lineId = "1", percent = 5 }), HttpStatusCode.Conflict, "line.price_locked");

        var recalculated = await OkAsync("/api/pricing/carts/recalculate", new { cart = locked.GetProperty("cart") });
        Assert.All(recalculated.GetProperty("pricing").GetProperty("lines").EnumerateArray(), l => Assert.False(l.GetProperty("locked").GetBoolean()));
        var discounted = await OkAsync("/api/pricing/carts/line-discount", new { cart = recalculated.GetProperty("cart"), lineId = "1", percent = 5 });
        Assert.Equal(179.55m, Net(discounted.GetProperty("pricing"), "1"));
    }

    /// <summary>Issue 12: carts are stateless, so a terminal holds its locks; one it forged or changed is refused, priced at nothing.</summary>
    [Theory]
    [InlineData("unitPrice", "0.01")]
    [InlineData("sku", "\"86001\"")]
    [InlineData("discount", "\"manual-line\"")]
    [InlineData("seal", "\"AAAA\"")]
    public async Task PRC14_a_price_lock_changed_by_the_terminal_is_refused(string what, string value)
    {
        var locked = await OkAsync("/api/pricing/carts/lock", new { cart = Cart(Line("1", "82001"), Line("2", "86002")) });
        var cart = System.Text.Json.Nodes.JsonNode.Parse(locked.GetProperty("cart").GetRawText())!;
        var line = cart["lines"]![0]!;
        var changed = System.Text.Json.Nodes.JsonNode.Parse(value);
        if (what == "sku")
            line["sku"] = changed; // the cheap line's lock on a dearer product
        else if (what == "discount")
            line["priceLock"]!["discounts"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
            {
                ["discountId"] = changed, ["name"] = "90 %", ["amount"] = 170.10m, ["type"] = "ManualLine", ["mode"] = "Exclusive", ["priority"] = 0, ["percent"] = 90m,
            });
        else
            line["priceLock"]![what] = changed;

        await Problems.AssertAsync(await Gateway.PostAsJsonAsync("/api/pricing/carts/price", cart), HttpStatusCode.BadRequest, "price_lock.invalid");
        await Problems.AssertAsync(await Gateway.PostAsJsonAsync("/api/pricing/carts/recalculate", new { cart }), HttpStatusCode.BadRequest, "price_lock.invalid");
        // As issued, through a JSON round trip that drops trailing zeros, the lock holds.
        var roundTripped = System.Text.Json.Nodes.JsonNode.Parse(locked.GetProperty("cart").GetRawText().Replace(".00,", ",", StringComparison.Ordinal))!;
        var priced = await OkAsync("/api/pricing/carts/price", roundTripped);
        Assert.Equal(Net(locked.GetProperty("pricing"), "1"), priced.GetProperty("lines")[0].GetProperty("netAmount").GetDecimal());
    }

    [Fact]
    public async Task PRC2_show_all_discounts_follows_the_store_catalogs_search_and_coupon_filters()
    {
        static async Task<List<string?>> Ids(HttpClient gateway, string query) =>
            (await gateway.GetFromJsonElementAsync($"/api/pricing/stores/{query}")).EnumerateArray().Select(d => d.GetProperty("discountId").GetString()).ToList();

        Assert.Contains("SPRING-SHELL-10", await Ids(Gateway, "SEATTLE/discounts"));
        Assert.DoesNotContain("SPRING-SHELL-10", await Ids(Gateway, "HOUSTON/discounts"));
        Assert.Contains("CLUB-5-OVER-100", await Ids(Gateway, "HOUSTON/discounts")); // mapped to a loyalty program
        Assert.Equal(["WELCOME-JACKETS-10"], await Ids(Gateway, "HOUSTON/discounts?couponRequired=true")); // SPRING20 must be typed
        Assert.Equal(["GPS-CLEARANCE"], await Ids(Gateway, "HOUSTON/discounts?search=clearance"));

        var forCart = await OkAsync("/api/pricing/carts/all-discounts", new { cart = Cart(Line("1", "87001")), search = "watch" });
        Assert.True(Assert.Single(forCart.EnumerateArray()).GetProperty("applied").GetBoolean());
    }

    [Fact]
    public async Task PRC3_available_discounts_say_what_a_line_needs_and_offer_coupons_that_apply_without_code()
    {
        var available = await OkAsync("/api/pricing/carts/available-discounts", new { cart = Cart(Line("1", "81120"), Line("2", "82001")), lineId = "1" });
        var socksFree = available.EnumerateArray().Single(d => d.GetProperty("discountId").GetString() == "SHOES-SOCKS-FREE");
        Assert.Equal("NeedsMore", socksFree.GetProperty("status").GetString());
        Assert.Equal("Add 1 more of 83010 to get 'Trail shoes + socks: socks free'.", socksFree.GetProperty("explanation").GetString());

        var whole = await OkAsync("/api/pricing/carts/available-discounts", new { cart = Cart(Line("1", "81120"), Line("2", "82001")) });
        var welcome = whole.EnumerateArray().Single(d => d.GetProperty("discountId").GetString() == "WELCOME-JACKETS-10");
        Assert.Equal(("NeedsCoupon", "WELCOME10"), (welcome.GetProperty("status").GetString(), welcome.GetProperty("couponCode").GetString()));
    }
}
