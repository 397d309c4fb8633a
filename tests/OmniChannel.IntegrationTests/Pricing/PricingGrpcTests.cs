using Grpc.Core;
using Grpc.Net.Client;
using OmniChannel.Contracts.Pricing;
using OmniChannel.IntegrationTests.Infrastructure;

namespace OmniChannel.IntegrationTests.Pricing;

/// <summary>
/// The Order service's way in: gRPC (contracts/Pricing/pricing.proto) on Pricing's HTTP/2-only endpoint, found in
/// Aspire as the pricing resource's "grpc" endpoint, called with Grpc.Net.Client as Order calls it: with the Order
/// service's own token (role service).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class PricingGrpcTests(PlatformFixture platform) : IDisposable
{
    private readonly GrpcChannel channel = Channel(platform, Principal.Service("order"));

    private PricingService.PricingServiceClient Pricing => new(channel);

    public void Dispose() => channel.Dispose();

    private static GrpcChannel Channel(PlatformFixture platform, Principal? principal) =>
        GrpcChannel.ForAddress(platform.Platform.Endpoint("pricing", "grpc"), new GrpcChannelOptions
        {
            HttpHandler = principal is null ? new SocketsHttpHandler() : new BearerTokenHandler(platform.Platform.Tokens, principal),
        });

    [Fact]
    public async Task Pricing_answers_gRPC_only_to_a_service_token()
    {
        using var anonymous = Channel(platform, principal: null);
        var request = new CheckPriceRequest { StoreId = "HOUSTON", Sku = "81121" };
        var missing = await Assert.ThrowsAsync<RpcException>(async () => await new PricingService.PricingServiceClient(anonymous).CheckPriceAsync(request));
        Assert.Equal(StatusCode.Unauthenticated, missing.StatusCode);

        using var terminal = Channel(platform, Principal.HoustonTerminal);
        var forbidden = await Assert.ThrowsAsync<RpcException>(async () => await new PricingService.PricingServiceClient(terminal).CheckPriceAsync(request));
        Assert.Equal(StatusCode.PermissionDenied, forbidden.StatusCode);
    }

    private static PriceCartRequest Cart(params CartLine[] lines)
    {
        var request = new PriceCartRequest { StoreId = "HOUSTON", CustomerId = "2001" };
        request.Lines.AddRange(lines);
        return request;
    }

    private static CartLine Line(string lineId, string sku, int quantity = 1) => new() { LineId = lineId, Sku = sku, Quantity = quantity };

    [Fact]
    public async Task PRC1_CheckPrice_answers_the_configured_price_for_the_customer()
    {
        var check = await Pricing.CheckPriceAsync(new CheckPriceRequest { StoreId = "HOUSTON", Sku = "81121", CustomerId = "2001" });

        Assert.Equal(119.99m, (decimal)check.Price);
        Assert.Equal((PriceSourceKind.TradeAgreement, "TA-CLUB-81121"), (check.Source.Kind, check.Source.TradeAgreementId));
        Assert.Equal("RETAIL-US", check.PriceGroup);
    }

    [Fact]
    public async Task PriceCart_prices_lines_with_discounts_and_coupons_as_DecimalValues()
    {
        var request = Cart(Line("1", "81120"), Line("2", "83010"), Line("3", "84100"));
        request.CouponCodes.Add("SPRING20");

        var priced = await Pricing.PriceCartAsync(request);

        // Karen's club price 119.99; socks free with the shoes; daypack −20 % with SPRING20; club threshold −5 %.
        var shoes = priced.Lines[0];
        Assert.Equal((119.99m, PriceSourceKind.TradeAgreement), ((decimal)shoes.UnitPrice, shoes.PriceSource.Kind));
        Assert.Equal(0m, (decimal)priced.Lines[1].NetAmount);
        Assert.Contains(priced.Lines[2].Discounts, d => d.DiscountId == "SPRING-DAYPACK-20" && d.CouponCode == "SPRING20");
        Assert.Equal(["SPRING20"], priced.AppliedCouponCodes);
        Assert.Equal(priced.Lines.Sum(l => (decimal)l.NetAmount), (decimal)priced.NetAmount);
        Assert.Equal((decimal)priced.GrossAmount - (decimal)priced.DiscountAmount, (decimal)priced.NetAmount);
        Assert.True(priced.BestPriceExact);
        Assert.Equal("USD", priced.Currency);
    }

    [Fact]
    public async Task PRC14_a_captured_line_keeps_its_lock_and_PRC13_recalculate_reprices_it()
    {
        var first = await Pricing.PriceCartAsync(Cart(Line("1", "83010")));
        var captured = Cart(Line("1", "83010"), Line("2", "81120"));
        captured.Lines[0].PriceLock = first.Lines[0].Lock;

        var edited = await Pricing.PriceCartAsync(captured);
        Assert.True(edited.Lines[0].Locked);
        Assert.Equal(first.Lines[0].NetAmount, edited.Lines[0].NetAmount); // the socks are not made free by the new shoes

        captured.Recalculate = true;
        var recalculated = await Pricing.PriceCartAsync(captured);
        Assert.False(recalculated.Lines[0].Locked);
        Assert.Equal(0m, (decimal)recalculated.Lines[0].NetAmount);
    }

    public static TheoryData<string, Func<PriceCartRequest>, StatusCode, string> Refusals => new()
    {
        { "unknown product", () => Cart(Line("1", "NOPE")), StatusCode.NotFound, "product.not_found" },
        { "negative quantity", () => Cart(Line("1", "83010", -1)), StatusCode.InvalidArgument, "line.quantity_invalid" },
        { "PRC5 a manual discount: no cashier acts over gRPC", () =>
            {
                var request = Cart(Line("1", "82001"));
                request.Lines[0].LineDiscount = new ManualDiscount { Amount = 1m };
                return request;
            }, StatusCode.PermissionDenied, "permission_group.required" },
        { "PRC14 a price lock Pricing did not issue", () =>
            {
                var request = Cart(Line("1", "82001"));
                request.Lines[0].PriceLock = new PriceLock { UnitPrice = 0.01m, Quantity = 1, Source = new PriceSource { Kind = PriceSourceKind.BasePrice } };
                return request;
            }, StatusCode.InvalidArgument, "price_lock.invalid" },
        { "PRC11 expired coupon", () =>
            {
                var request = Cart(Line("1", "86002"));
                request.CouponCodes.Add("SUMMER23");
                return request;
            }, StatusCode.FailedPrecondition, "coupon.expired" },
        { "malformed DecimalValue", () =>
            {
                var request = Cart(Line("1", "82001"));
                request.Lines[0].PriceOverride = new DecimalValue { Units = 1, Nanos = -5 };
                return request;
            }, StatusCode.InvalidArgument, "money.invalid" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Refusals_are_a_status_with_the_stable_code_in_the_problem_code_trailer(string _, Func<PriceCartRequest> request,
        StatusCode status, string code)
    {
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await Pricing.PriceCartAsync(request()));

        Assert.Equal(status, refused.StatusCode);
        Assert.Equal(code, refused.Trailers.GetValue("problem-code"));
    }
}
