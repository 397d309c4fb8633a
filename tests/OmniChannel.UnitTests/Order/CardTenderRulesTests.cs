using OmniChannel.Order.Orders;
using static OmniChannel.UnitTests.Order.OrderFixtures;

namespace OmniChannel.UnitTests.Order;

/// <summary>A card taken at the counter (PAY-7..10): only for a confirmed order, only for what it still has to collect.</summary>
public class CardTenderRulesTests
{
    [Fact]
    public void A_confirmed_order_takes_a_card_for_at_most_its_total_less_the_deposit()
    {
        var order = Confirmed(); // 300.00, deposit 60.00 paid

        Assert.Equal(240m, CardTenderRules.Outstanding(order));
        Assert.Null(CardTenderRules.Decide(order, 240m));
        Assert.Equal("tender.amount_exceeds_balance", CardTenderRules.Decide(order, 240.01m)?.Code);
    }

    [Fact]
    public void What_fulfillments_captured_is_no_longer_outstanding()
    {
        var order = Confirmed();
        order = order.Fold(new LinesFulfilled("invoice.1", FulfillmentSource.Invoice, "CENTRAL-DC", [new FulfilledLine(2, 2, 200m)], 200m, 60m, 140m, Now));
        order = order.Fold(new FulfillmentPaymentRequested("invoice.1", "invoice.1", 140m, null));
        order = order.Fold(new FulfillmentPaymentCaptured("invoice.1", "invoice.1", 140m, ["cap-2"]));

        Assert.Equal(100m, CardTenderRules.Outstanding(order)); // 300.00 less the deposit's 60.00 and the invoice's 140.00
        Assert.Equal("tender.amount_exceeds_balance", CardTenderRules.Decide(order, 100.01m)?.Code);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("0.001")]
    [InlineData("9223372036854775808")]
    public void An_amount_that_is_not_a_positive_amount_in_cents_is_invalid(string amount) =>
        Assert.Equal("amount.invalid", CardTenderRules.Decide(Confirmed(), decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture))?.Code);

    [Fact]
    public void An_order_not_confirmed_yet_or_closed_takes_no_card()
    {
        var created = Created(20m, OrderChannel.Store, Line(1, FulfillmentKind.Pickup, "SEATTLE"));
        var cancelled = Confirmed().Fold(new CancellationRequested("c", 0m, 0m, Now)).Fold(new OrderCancelled(Now));

        Assert.Equal(("order.not_payable", true), (CardTenderRules.Decide(created, 10m)?.Code, CardTenderRules.Decide(created, 10m)!.IsConflict));
        Assert.Equal("order.not_payable", CardTenderRules.Decide(cancelled, 10m)?.Code);
    }
}
