using OmniChannel.IntegrationTests.Infrastructure;
using OmniChannel.IntegrationTests.Orders;
using static OmniChannel.IntegrationTests.Orders.OrderApi;

namespace OmniChannel.IntegrationTests.Payments;

/// <summary>The Order saga's deposit (ORD-3), now the first tender line of the order's payment stream.</summary>
[Collection(PlatformCollection.Name)]
public class DepositPaymentTests(PlatformFixture platform)
{
    private readonly OrderApi orders = new(platform);
    private readonly PaymentApi payments = new(platform);

    [Fact]
    public async Task ORD3_PAY1_the_deposit_is_a_card_present_tender_line_captured_through_the_terminals_connector()
    {
        var sku = await orders.NewProductAsync(50.00m, "SEATTLE", onHand: 5);
        var number = await orders.PlaceAsync(Order("2001", "tok_visa_4242", PickupLine(sku, 2, "SEATTLE")));
        var order = await orders.EndStateAsync(number);
        Assert.Equal("Confirmed", order.GetProperty("status").GetString());
        var orderId = order.GetProperty("orderId").GetGuid();

        var deposit = (await orders.DepositAsync(orderId))!.Value;
        Assert.Equal(("Captured", 20.00m, "****4242"), (deposit.GetProperty("status").GetString(), deposit.GetProperty("amount").GetDecimal(),
            deposit.GetProperty("cardToken").GetString()));

        var ledger = await payments.LedgerAsync(orderId);
        var line = Assert.Single(ledger.GetProperty("tenderLines").EnumerateArray());
        Assert.Equal(("TestConnector.CardPresent", "Store"), (line.GetProperty("connectorId").GetString(), line.GetProperty("channel").GetString()));
        Assert.Equal(deposit.GetProperty("captureToken").GetString(), line.GetProperty("captures")[0].GetProperty("captureToken").GetString());
        Assert.Equal("Deposit", line.GetProperty("captures")[0].GetProperty("purpose").GetString());
        Assert.Equal((20.00m, 20.00m), (PaymentApi.Total(ledger, "captured"), PaymentApi.Total(ledger, "prepaid")));
        Assert.Equal(number, ledger.GetProperty("confirmationNumber").GetString());
        await payments.AssertReconcilesAsync(orderId);
    }

    [Fact]
    public async Task ORD3_a_declined_deposit_is_a_declined_tender_with_no_capture_token()
    {
        var sku = await orders.NewProductAsync(40.00m, "HOUSTON", onHand: 3);
        var order = await orders.EndStateAsync(await orders.PlaceAsync(Order("2001", "decline_do_not_honor", PickupLine(sku, 1, "HOUSTON"))));
        var orderId = order.GetProperty("orderId").GetGuid();

        var deposit = (await orders.DepositAsync(orderId))!.Value;
        Assert.Equal(("Declined", "card.declined"), (deposit.GetProperty("status").GetString(), deposit.GetProperty("declineCode").GetString()));
        Assert.Null(deposit.GetProperty("captureToken").GetString());
        var ledger = await payments.LedgerAsync(orderId);
        Assert.Equal(1, ledger.GetProperty("declined").GetArrayLength());
        Assert.Equal(0m, PaymentApi.Total(ledger, "authorized"));
    }
}
