using OmniChannel.Order.Orders;
using static OmniChannel.UnitTests.Order.OrderFixtures;

namespace OmniChannel.UnitTests.Order;

/// <summary>Issue 12's reconciliation: the order's status and what it recorded of its money agree with its ledger.</summary>
public class MoneyAgreementTests
{
    private static LedgerWord Ledger(decimal captured, decimal openAuthorizations = 0m, decimal refunded = 0m, decimal? authorized = null) =>
        new(authorized ?? captured + openAuthorizations, captured, openAuthorizations, refunded, captured - refunded, true, []);

    /// <summary>Line 2 invoiced (200.00, the deposit's 60.00 paid ahead, 140.00 captured), then line 1 picked up for <paramref name="pickupCaptured"/>.</summary>
    private static CustomerOrder Fulfilled(CustomerOrder order, decimal pickupCaptured) => order
        .Fold(new LinesFulfilled("invoice.1", FulfillmentSource.Invoice, "CENTRAL-DC", [new FulfilledLine(2, 2, 200m)], 200m, 60m, 140m, Now))
        .Fold(new FulfillmentPaymentRequested("invoice.1", "invoice.1", 140m, null))
        .Fold(new FulfillmentPaymentCaptured("invoice.1", "invoice.1", 140m, ["cap-2"]))
        .Fold(new LinesFulfilled("pickup.1", FulfillmentSource.Pickup, "SEATTLE", [new FulfilledLine(1, 1, 100m)], 100m, 0m, pickupCaptured, Now))
        .Fold(new FulfillmentPaymentRequested("pickup.1", "pickup.1", pickupCaptured, null))
        .Fold(new FulfillmentPaymentCaptured("pickup.1", "pickup.1", pickupCaptured, ["cap-3"]));

    [Fact]
    public void A_confirmed_order_whose_deposit_the_ledger_holds_and_the_rest_authorized_agrees()
    {
        var order = Confirmed(); // 300.00, deposit 60.00 paid

        Assert.Empty(MoneyAgreement.Differences(order, Ledger(60m, openAuthorizations: 240m)));
    }

    [Fact]
    public void A_capture_the_order_did_not_record_is_a_difference()
    {
        var differences = MoneyAgreement.Differences(Confirmed(), Ledger(100m, openAuthorizations: 200m));

        Assert.Contains(differences, d => d.Contains("60.00 captured, the ledger holds 100", StringComparison.Ordinal)
                                          || d.Contains("recorded 60", StringComparison.Ordinal));
    }

    [Fact]
    public void What_a_fulfillment_captured_counts_with_the_deposit_and_a_completed_order_holds_its_total_and_no_authorization()
    {
        var order = Fulfilled(Confirmed(), 100m).Fold(new OrderCompleted(Now));

        Assert.Empty(MoneyAgreement.Differences(order, Ledger(300m)));
        Assert.Contains(MoneyAgreement.Differences(order, Ledger(300m, openAuthorizations: 5m)), d => d.Contains("still authorized", StringComparison.Ordinal));
        Assert.NotEmpty(MoneyAgreement.Differences(order, Ledger(300m, refunded: 10m)));
    }

    [Fact]
    public void A_cancelled_order_keeps_its_deposit_less_the_refund_and_nothing_else()
    {
        var order = Confirmed()
            .Fold(new CancellationRequested("c", 10m, 6m, Now))
            .Fold(new CancellationSettled("c", 54m, 6m))
            .Fold(new OrderCancelled(Now));

        Assert.Empty(MoneyAgreement.Differences(order, Ledger(60m, refunded: 54m)));
        Assert.NotEmpty(MoneyAgreement.Differences(order, Ledger(60m, refunded: 0m)));  // the refund never happened
        Assert.NotEmpty(MoneyAgreement.Differences(order, Ledger(60m, openAuthorizations: 240m, refunded: 54m))); // the rest not voided
    }

    [Fact]
    public void Nothing_is_captured_beyond_the_orders_total()
    {
        var order = Fulfilled(Confirmed(), 110m); // the order itself recorded 310.00

        Assert.Contains(MoneyAgreement.Differences(order, Ledger(310m)), d => d.Contains("captured for an order of", StringComparison.Ordinal));
    }

    [Fact]
    public void The_processors_word_is_kept_and_an_order_without_payments_must_have_recorded_none()
    {
        var disagreeing = Ledger(60m, openAuthorizations: 240m) with { LedgerAgreesWithProcessor = false, ProcessorDifferences = ["captured: ledger 60, processor 120"] };

        Assert.Equal(["captured: ledger 60, processor 120"], MoneyAgreement.Differences(Confirmed(), disagreeing));
        Assert.NotEmpty(MoneyAgreement.Differences(Confirmed(), null));
        Assert.Empty(MoneyAgreement.Differences(Created(0m, OrderChannel.Store, Line(1, FulfillmentKind.CarryOut, "HOUSTON")), null));
    }

    [Fact]
    public void While_the_payment_at_order_time_is_being_taken_only_the_processors_word_counts()
    {
        var created = Created(20m, OrderChannel.Store, Line(1, FulfillmentKind.Pickup, "SEATTLE"));

        Assert.True(MoneyAgreement.InFlight(created));
        Assert.Empty(MoneyAgreement.Differences(created, Ledger(20m, openAuthorizations: 80m)));
    }
}
