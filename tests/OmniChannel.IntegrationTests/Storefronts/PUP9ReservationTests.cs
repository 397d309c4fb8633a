using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using OmniChannel.IntegrationTests.Fulfillment;
using OmniChannel.IntegrationTests.Infrastructure;
using StandardWebhooks;
using static OmniChannel.IntegrationTests.Storefronts.StorefrontOrders;

namespace OmniChannel.IntegrationTests.Storefronts;

/// <summary>
/// Issue 15 PUP-9 and issue 14 ECM-6 through the gateway, real services: a storefront's reservation (reserve online, pay in
/// store) and a buy-online order go In Process → Ready for Pickup when the counter puts them on the hanger (the storefront
/// gets a signed <c>order.ready_for_pickup</c> at the test storefront's listener) → Completed when the goods are handed
/// over and paid; an unpaid reservation rejected out of stock releases its stock and charges nothing.
/// </summary>
[Collection(PlatformCollection.Name)]
public class PUP9ReservationTests(PlatformFixture platform)
{
    private readonly StorefrontOrders storefront = new(platform);
    private readonly FulfillmentApi counter = new(platform);

    [Fact]
    public async Task PUP9_a_reservation_holds_stock_without_an_authorization_is_ready_for_pickup_with_the_customer_notified_and_is_paid_at_the_counter()
    {
        var sku = await counter.Orders.NewProductAsync(18.00m, "HOUSTON", onHand: 2);
        var number = NewNumber();
        await storefront.AcknowledgedAsync(Reservation(number, "karen.berg@example.com", Line(null, $"VPN-{sku}", 1, 18.00m)));

        // A customer order of the online channel, its stock held (INV-7), nothing authorized nor captured: the whole balance is due at pickup.
        var confirmationNumber = (await storefront.UntilStatusAsync(IdOf(number), "New")).GetProperty("confirmationNumber").GetString()!;
        var sale = await storefront.CustomerOrderAsync(confirmationNumber, "Confirmed");
        Assert.Equal("Online", sale.GetProperty("channel").GetString());
        Assert.Equal((0m, 0m), (FulfillmentApi.Payment(sale, "depositPaid"), FulfillmentApi.Payment(sale, "authorizedBalance")));
        Assert.DoesNotContain(FulfillmentApi.History(sale), type => type is "balance_authorized" or "deposit_captured");
        using (var ledger = await platform.As(Principal.Operator).GetAsync($"/api/payments/orders/{FulfillmentApi.OrderId(sale)}"))
            Assert.Equal(HttpStatusCode.NotFound, ledger.StatusCode); // the Payment service holds nothing for it
        await counter.StockAsync("HOUSTON", sku, (2, 1));

        // Accepted (In Process), then received at Houston's counter (PUP-3): Ready for Pickup, and the storefront told so, signed.
        await storefront.ActAsync(IdOf(number), "status", new { status = "InProcess" });
        var pickup = await counter.ReceivedAsync(await counter.PickupAsync(sale, "HOUSTON"));
        await storefront.UntilStatusAsync(IdOf(number), "ReadyForPickup");
        var notice = await ReadyForPickupNoticeAsync(number);
        Assert.Equal((confirmationNumber, "HOUSTON", "reserve"), (notice.GetProperty("confirmationNumber").GetString(),
            notice.GetProperty("pickupStoreId").GetString(), notice.GetProperty("payment").GetString()));

        // At the counter the clerk takes a card for the whole balance and completes the pickup (PUP-4): that card is captured.
        var total = sale.GetProperty("total").GetDecimal();
        var tender = await counter.Payments.TenderAsync(confirmationNumber, Payments.PaymentApi.CardTender("tok_visa_ok", total));
        var tenderLineId = tender.GetProperty("tenderLineId").GetInt32();
        await counter.CompletedAsync(pickup, tenderLineId, (sku, 1));

        var paid = await storefront.CustomerOrderAsync(confirmationNumber, "Completed");
        Assert.Equal((total, 0m), (FulfillmentApi.Payment(paid, "capturedAtFulfillment"), FulfillmentApi.Payment(paid, "balanceDue")));
        IReadOnlyList<(int Line, decimal Amount, string? Purpose)> onlyTheCounterCard = [(tenderLineId, total, "Pickup")];
        Assert.Equal(onlyTheCounterCard, FulfillmentApi.Captures(await counter.Payments.LedgerAsync(FulfillmentApi.OrderId(sale))));
        var completed = await storefront.UntilStatusAsync(IdOf(number), "Completed");
        Assert.False(completed.GetProperty("zeroPaymentRecorded").GetBoolean());
        await counter.StockAsync("HOUSTON", sku, (1, 0)); // issued: it left with the customer
        var reconciliation = await platform.As(Principal.Operator).GetFromJsonElementAsync($"/api/orders/{confirmationNumber}/reconciliation");
        Assert.True(reconciliation.GetProperty("agrees").GetBoolean(), reconciliation.ToString());
    }

    [Fact]
    public async Task PUP9_PAY3_a_buy_online_order_received_at_the_counter_notifies_the_customer_and_completes_when_its_hold_is_captured_at_pickup()
    {
        var sku = await counter.Orders.NewProductAsync(25.00m, "HOUSTON", onHand: 1);
        var number = NewNumber();
        await storefront.AcknowledgedAsync(OrderCreated(number, "karen.berg@example.com", null, Line(null, $"VPN-{sku}", 1, 25.00m)));
        var confirmationNumber = (await storefront.UntilStatusAsync(IdOf(number), "New")).GetProperty("confirmationNumber").GetString()!;
        var sale = await storefront.CustomerOrderAsync(confirmationNumber, "Confirmed");
        Assert.Equal(25.00m, FulfillmentApi.Payment(sale, "authorizedBalance")); // the checkout's hold (PAY-3)

        // Not accepted by hand yet: the counter receiving it takes it on, New → Ready for Pickup.
        var pickup = await counter.ReceivedAsync(await counter.PickupAsync(sale, "HOUSTON"));
        await storefront.UntilStatusAsync(IdOf(number), "ReadyForPickup");
        Assert.Equal("card", (await ReadyForPickupNoticeAsync(number)).GetProperty("payment").GetString());

        await counter.CompletedAsync(pickup, (sku, 1));
        var paid = await storefront.CustomerOrderAsync(confirmationNumber, "Completed");
        Assert.Equal(25.00m, FulfillmentApi.Payment(paid, "capturedAtFulfillment"));
        await storefront.UntilStatusAsync(IdOf(number), "Completed");
        // Notified once: the one delivery, acknowledged.
        Assert.Single(platform.Storefront.Received, w => w.WebhookId == $"ready_{IdOf(number)}");
    }

    [Fact]
    public async Task ECM6_an_unpaid_reservation_rejected_out_of_stock_releases_its_stock_charges_nothing_records_a_zero_payment_and_is_Completed()
    {
        var sku = await counter.Orders.NewProductAsync(12.00m, "HOUSTON", onHand: 3);
        var number = NewNumber();
        await storefront.AcknowledgedAsync(Reservation(number, "karen.berg@example.com", Line(null, $"VPN-{sku}", 2, 12.00m)));
        var confirmationNumber = (await storefront.UntilStatusAsync(IdOf(number), "New")).GetProperty("confirmationNumber").GetString()!;
        var sale = await storefront.CustomerOrderAsync(confirmationNumber, "Confirmed");
        await counter.StockAsync("HOUSTON", sku, (3, 2));

        var rejected = await storefront.ActAsync(IdOf(number), "rejection", new { reason = "Out of stock before the order was processed" });

        Assert.Equal(("Completed", true), (rejected.GetProperty("status").GetString(), rejected.GetProperty("zeroPaymentRecorded").GetBoolean()));
        var cancelled = await storefront.CustomerOrderAsync(confirmationNumber, "Cancelled");
        Assert.Equal((0m, 0m, 0m), (cancelled.GetProperty("cancellation").GetProperty("charge").GetDecimal(),
            FulfillmentApi.Payment(cancelled, "depositPaid"), FulfillmentApi.Payment(cancelled, "capturedAtFulfillment")));
        await counter.StockAsync("HOUSTON", sku, (3, 0)); // the reservation resolved: its stock sellable again
        using (var ledger = await platform.As(Principal.Operator).GetAsync($"/api/payments/orders/{FulfillmentApi.OrderId(sale)}"))
            Assert.Equal(HttpStatusCode.NotFound, ledger.StatusCode); // nothing was ever authorized, so nothing to void
        var reconciliation = await platform.As(Principal.Operator).GetFromJsonElementAsync($"/api/orders/{confirmationNumber}/reconciliation");
        Assert.True(reconciliation.GetProperty("agrees").GetBoolean(), reconciliation.ToString());
        Assert.DoesNotContain(platform.Storefront.Received, w => w.WebhookId == $"ready_{IdOf(number)}"); // never ready: never notified
    }

    /// <summary>The storefront "web"'s acknowledged <c>order.ready_for_pickup</c> for the order, its signature checked with web's secret.</summary>
    private async Task<JsonElement> ReadyForPickupNoticeAsync(string number)
    {
        var webhook = await Poll.UntilAsync(() => Task.FromResult(platform.Storefront.Received
                .FirstOrDefault(w => w.WebhookId == $"ready_{IdOf(number)}" && w.Answered == 200)),
            Deadline, $"the storefront to be told that {number} is ready for pickup");
        Assert.Equal("/webhooks/web", webhook.Path);
        new StandardWebhook(DevelopmentSecret()).Verify(webhook.Body, new HeaderDictionary
        {
            ["webhook-id"] = new StringValues(webhook.WebhookId),
            ["webhook-timestamp"] = new StringValues(webhook.Timestamp),
            ["webhook-signature"] = new StringValues(webhook.Signature),
        }); // throws unless signed with the storefront's secret
        var body = JsonDocument.Parse(webhook.Body).RootElement;
        Assert.Equal(("order.ready_for_pickup", "web"), (body.GetProperty("type").GetString(), body.GetProperty("storefrontId").GetString()));
        var order = body.GetProperty("order");
        Assert.Equal(number, order.GetProperty("number").GetString());
        return order;
    }
}
