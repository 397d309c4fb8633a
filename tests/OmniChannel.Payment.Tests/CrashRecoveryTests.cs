using OmniChannel.Payment.Tests.Infrastructure;

namespace OmniChannel.Payment.Tests;

/// <summary>
/// A crash between the processor's answer and our commit neither loses nor doubles money: the call was journaled
/// with its key before it was made, and whoever touches the order next makes it again with that key.
/// </summary>
public class CrashRecoveryTests
{
    private readonly Shop shop = new();
    private readonly Guid order = Guid.NewGuid();

    private sealed class Crash() : Exception("kill -9");

    [Fact]
    public async Task A_capture_answered_but_not_recorded_is_recorded_once_when_the_terminal_retries()
    {
        await shop.AddTenderAsync(order, "checkout", Shop.Tender("online", "tok_visa_ok", 100.00m));
        DieOnce(events => events.Any(e => e is TenderCaptured));

        await Assert.ThrowsAsync<Crash>(() => shop.CaptureAsync(order, "pickup", 60.00m));
        Assert.Single(shop.Payments(order).Pending); // journaled, answered by the processor, not recorded
        var operations = shop.Store.OperationsRun;

        var retried = await shop.CaptureAsync(order, "pickup", 60.00m);

        Assert.Equal((60.00m, 0m), (retried.Captured, retried.BalanceDue));
        Assert.Equal(operations, shop.Store.OperationsRun); // the processor answered from its record: no second capture
        Assert.Equal(60.00m, LedgerTotals.Of(shop.Payments(order)).Captured);
        await shop.AssertReconcilesAsync(order);
    }

    [Fact]
    public async Task A_capture_left_unrecorded_is_finished_before_another_request_decides_anything()
    {
        await shop.AddTenderAsync(order, "checkout", Shop.Tender("online", "tok_visa_ok", 100.00m));
        DieOnce(events => events.Any(e => e is TenderCaptured));
        await Assert.ThrowsAsync<Crash>(() => shop.CaptureAsync(order, "pickup-1", 60.00m));

        // Another terminal, another pickup: it must not capture the 60 the processor already took a second time.
        var other = await shop.CaptureAsync(order, "pickup-2", 60.00m);

        Assert.Equal((40.00m, 20.00m), (other.Captured, other.BalanceDue));
        Assert.Equal(100.00m, LedgerTotals.Of(shop.Payments(order)).Captured);
        await shop.AssertReconcilesAsync(order);
    }

    [Fact]
    public async Task The_recovery_job_records_what_a_crash_left_even_if_nobody_comes_back()
    {
        await shop.AddTenderAsync(order, "checkout", Shop.Tender("online", "tok_visa_ok", 100.00m));
        DieOnce(events => events.Any(e => e is TenderCaptured));
        await Assert.ThrowsAsync<Crash>(() => shop.CaptureAsync(order, "pickup", 100.00m));

        await shop.Engine.RunAsync(order, null, (_, _) => PaymentStep.Finished, default); // what PendingCallRecovery runs

        Assert.Empty(shop.Payments(order).Pending);
        Assert.Equal(100.00m, LedgerTotals.Of(shop.Payments(order)).Captured);
        await shop.AssertReconcilesAsync(order);
    }

    [Fact]
    public async Task A_crash_inside_the_processors_answer_loses_nothing_either()
    {
        await shop.AddTenderAsync(order, "checkout", Shop.Tender("online", "tok_visa_ok", 100.00m));
        var dead = false;
        shop.Store.AfterOperation = key => { if (!dead && key.Contains(":Capture:")) { dead = true; throw new Crash(); } };

        await Assert.ThrowsAsync<Crash>(() => shop.CaptureAsync(order, "pickup", 100.00m));
        var retried = await shop.CaptureAsync(order, "pickup", 100.00m);

        Assert.Equal(100.00m, retried.Captured);
        await shop.AssertReconcilesAsync(order);
    }

    [Fact]
    public async Task An_authorization_answered_but_not_recorded_becomes_the_tender_line_when_the_terminal_retries()
    {
        DieOnce(events => events.Any(e => e is TenderAuthorized));
        await Assert.ThrowsAsync<Crash>(() => shop.AddTenderAsync(order, "swipe", Shop.Tender("store", "tok_visa_ok", 100.00m, 20.00m)));

        var (payments, done) = await shop.AddTenderAsync(order, "swipe", Shop.Tender("store", "tok_visa_ok", 100.00m, 20.00m));

        Assert.Null(done.Code);
        Assert.Equal((100.00m, 20.00m), (LedgerTotals.Of(payments).Authorized, LedgerTotals.Of(payments).Captured));
        await shop.AssertReconcilesAsync(order);
    }

    [Fact]
    public async Task Two_terminals_capturing_at_once_finish_each_others_calls_and_never_take_the_same_money_twice()
    {
        await shop.AddTenderAsync(order, "checkout", Shop.Tender("online", "tok_visa_ok", 100.00m));
        var interleaved = false;
        shop.Journal.BeforeAppend = events =>
        {
            // Terminal A's capture was answered; before A records it, terminal B runs a whole pickup on the same order.
            if (interleaved || !events.Any(e => e is TenderCaptured))
                return;
            interleaved = true;
            var b = shop.CaptureAsync(order, "pickup-B", 70.00m).GetAwaiter().GetResult();
            Assert.Equal(40.00m, b.Captured); // 60 of the 100 were A's, already taken at the processor
        };

        var a = await shop.CaptureAsync(order, "pickup-A", 60.00m);

        Assert.Equal(60.00m, a.Captured);
        Assert.Equal(100.00m, LedgerTotals.Of(shop.Payments(order)).Captured);
        await shop.AssertReconcilesAsync(order);
    }

    private void DieOnce(Func<IReadOnlyList<object>, bool> when)
    {
        var dead = false;
        shop.Journal.BeforeAppend = events =>
        {
            if (dead || !when(events))
                return;
            dead = true;
            throw new Crash();
        };
    }
}
