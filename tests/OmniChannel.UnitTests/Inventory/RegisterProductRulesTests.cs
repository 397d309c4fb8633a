using OmniChannel.InventoryAllocation.Features.Products;

namespace OmniChannel.UnitTests.Inventory;

public class RegisterProductRulesTests
{
    private static readonly RegisterProductRequest Valid = new("99001", "Camp mug", "012345679025", "CM-1", null, 12.50m, "USD",
        PriceOverrideAllowed: false, Discountable: true, RevenueRecognition: false);

    [Fact]
    public void A_complete_product_breaks_no_rule() => Assert.Null(RegisterProduct.Validate(Valid));

    [Theory]
    [InlineData("", "product.sku_invalid")]
    [InlineData("has space", "product.sku_invalid")]
    public void A_sku_must_be_present_and_without_spaces(string sku, string code) =>
        Assert.Equal(code, RegisterProduct.Validate(Valid with { Sku = sku })?.Code);

    [Fact]
    public void A_negative_price_is_refused() =>
        Assert.Equal("product.price_negative", RegisterProduct.Validate(Valid with { BasePrice = -0.01m })?.Code);

    [Fact]
    public void A_price_below_a_cent_is_refused() =>
        Assert.Equal("product.price_precision", RegisterProduct.Validate(Valid with { BasePrice = 1.005m })?.Code);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("usd")]
    [InlineData("US")]
    [InlineData("US\u0000")]
    public void A_base_price_without_an_iso_currency_code_is_refused(string? currency) =>
        Assert.Equal("product.currency_invalid", RegisterProduct.Validate(Valid with { Currency = currency })?.Code);

    [Fact]
    public void A_base_price_in_any_iso_currency_breaks_no_rule() => Assert.Null(RegisterProduct.Validate(Valid with { Currency = "EUR" }));

    [Fact]
    public void A_missing_name_or_vendor_part_number_is_refused()
    {
        Assert.Equal("product.name_required", RegisterProduct.Validate(Valid with { Name = " " })?.Code);
        Assert.Equal("product.vpn_required", RegisterProduct.Validate(Valid with { VendorPartNumber = "" })?.Code);
    }

    [Theory]
    [InlineData("012345678905", true)]   // UPC-A
    [InlineData("4006381333931", true)]  // EAN-13
    [InlineData("96385074", true)]       // EAN-8
    [InlineData("012345678906", false)]  // wrong check digit
    [InlineData("12345", false)]
    [InlineData("01234567890A", false)]
    [InlineData(null, false)]
    public void Upc_is_a_gtin_with_a_valid_check_digit(string? upc, bool valid) => Assert.Equal(valid, RegisterProduct.IsGtin(upc));
}
