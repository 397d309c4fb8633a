using OmniChannel.PaymentToken.Payments;
using OmniChannel.UnitTests.Telemetry;

namespace OmniChannel.UnitTests.Payment;

public class PaymentMetricsTests
{
    [Fact]
    public void Each_approved_capture_is_counted_with_its_amount_by_currency_and_purpose()
    {
        using var meters = new MeterRecorder();
        var currency = $"X{Guid.NewGuid():N}"[..8]; // this test's own, so other tests' captures do not count here
        var at = DateTimeOffset.UtcNow;

        PaymentMetrics.Count(currency,
        [
            new TenderCaptured(1, "auth-1", 40.00m, "cap-1", TenderPurpose.Deposit, "key-1", "HOU-T1-1", at),
            new TenderCaptured(1, "auth-1", 59.99m, "cap-2", TenderPurpose.Pickup, "key-2", "pickup.1", at),
        ]);

        var tag = (PaymentMetrics.CurrencyTag, (object)currency);
        Assert.Equal([1.0, 1.0], meters.Of("omnichannel.payment.captures", tag).Select(m => m.Value));
        Assert.Equal(40.00, Assert.Single(meters.Of("omnichannel.payment.captured_amount", tag, (PaymentMetrics.PurposeTag, "deposit"))).Value);
        Assert.Equal(59.99, Assert.Single(meters.Of("omnichannel.payment.captured_amount", tag, (PaymentMetrics.PurposeTag, "pickup"))).Value);
    }
}
