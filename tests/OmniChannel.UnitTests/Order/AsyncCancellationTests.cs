using OmniChannel.Order.Features.CancelOrder;
using OmniChannel.Order.Orders;
using OmniChannel.ServiceDefaults.Failures;
using static OmniChannel.UnitTests.Order.OrderFixtures;

namespace OmniChannel.UnitTests.Order;

/// <summary>ORD-10: one attempt at a cancellation taken before its order existed, classified as retryable or permanent.</summary>
public class AsyncCancellationTests
{
    private static AsyncCancellation Accepted(decimal? percent = null) => AsyncCancellation.Create(new AsyncCancellationAccepted("HOU-AAAAA-BBBBB",
        OrderId, "HOUSTON", percent, new CustomerContact("+1 713 555 0142", null), "terminal-houston-1", Now));

    [Fact]
    public void An_order_not_created_yet_is_a_retryable_failure_tried_again_with_back_off()
    {
        var attempt = AsyncCancellationDecider.Decide(Accepted(), null, 10m, "c1", Now);

        var after = attempt.Events.Aggregate(Accepted(), (c, e) => c.Fold(e));
        Assert.Null(attempt.Cancel);
        Assert.Equal((AsyncCancellationStatus.Pending, FailureKind.Retryable, "order.not_created", 1),
            (after.Status, after.LastFailure!.Kind, after.LastFailure.Code, after.Attempts));
        Assert.Equal(Now + AsyncCancellationDecider.FirstRetry, after.NextAttemptAt);

        var third = AsyncCancellationDecider.Decide(after with { Attempts = 2 }, null, 10m, "c1", Now).Events.OfType<AsyncCancellationFailed>().Single();
        Assert.Equal(Now + AsyncCancellationDecider.FirstRetry * 4, third.RetryAt);
    }

    [Fact]
    public void An_order_still_being_created_is_retryable_and_a_confirmed_one_is_cancelled_with_the_charge()
    {
        var creating = Created(20m, OrderChannel.Store, Line(1, FulfillmentKind.Pickup, "SEATTLE"));
        Assert.Equal("order.not_confirmed", AsyncCancellationDecider.Decide(Accepted(), creating, 10m, "c1", Now).Events
            .OfType<AsyncCancellationFailed>().Single().Code);

        var attempt = AsyncCancellationDecider.Decide(Accepted(), Confirmed(), 10m, "c1", Now);

        Assert.Equal(new CancelCustomerOrder { OrderId = OrderId, CancellationId = "c1", ChargePercent = 10m }, attempt.Cancel);
        var applied = attempt.Events.OfType<AsyncCancellationApplied>().Single();
        Assert.Equal((10m, 30.00m), (applied.ChargePercent, applied.Charge)); // 10 % of 300.00
        Assert.Equal(AsyncCancellationStatus.Applied, attempt.Events.Aggregate(Accepted(), (c, e) => c.Fold(e)).Status);
    }

    [Fact]
    public void An_order_whose_goods_left_is_a_permanent_failure_left_for_an_operator()
    {
        var fulfilled = Confirmed().Fold(new LinesFulfilled("pickup.1", FulfillmentSource.Pickup, "SEATTLE", [new FulfilledLine(1, 1, 100m)], 100m, 60m, 40m, Now));

        var attempt = AsyncCancellationDecider.Decide(Accepted(), fulfilled, 10m, "c1", Now);

        var after = attempt.Events.Aggregate(Accepted(), (c, e) => c.Fold(e));
        Assert.Null(attempt.Cancel);
        Assert.Equal((AsyncCancellationStatus.Failed, FailureKind.Permanent, "order.partially_fulfilled", (DateTimeOffset?)null),
            (after.Status, after.LastFailure!.Kind, after.LastFailure.Code, after.NextAttemptAt));
        Assert.Equal(AsyncCancellationStatus.Resolved, after.Fold(new AsyncCancellationResolved("refunded by hand", "operator", Now)).Status);
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(5, 80)]
    [InlineData(40, 1800)]
    public void Back_off_doubles_up_to_its_cap(int attempt, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Backoff.After(attempt, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(30)));

    [Theory]
    [InlineData("+1 713 555 0142", null, null)]
    [InlineData(null, "karen.berg@example.com", null)]
    [InlineData("call me", null, "contact.phone_invalid")]
    [InlineData(null, "karen.berg", "contact.email_invalid")]
    [InlineData(null, "a b@example.com", "contact.email_invalid")]
    public void A_contact_is_a_phone_of_digits_or_an_e_mail_address(string? phone, string? email, string? code)
    {
        var contact = CustomerContactRules.Normalize(phone, email, out var refusal);
        Assert.Equal(code, refusal?.Code);
        Assert.Equal(code is null, contact is not null);
    }
}
