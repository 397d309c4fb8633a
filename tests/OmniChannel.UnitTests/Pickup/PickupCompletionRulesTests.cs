using OmniChannel.Contracts.Pickup;
using OmniChannel.Pickup.Features.Completion;
using OmniChannel.Pickup.Features.PickupRequests;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.UnitTests.Pickup;

/// <summary>PUP-4: the receipt and every scanned item are checked against a received pickup request before anything is handed over.</summary>
public class PickupCompletionRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 15, 0, 0, TimeSpan.Zero);

    private static readonly PickupRequest Request = new(Guid.NewGuid(), "SEATTLE", "HOU-AAAAA-BBBBB", "2001", PickupStatus.Received,
        new DateOnly(2026, 11, 22), [new PickupItem("81120", 2, LineId: 1), new PickupItem("83010", 1, LineId: 2), new PickupItem("81120", 1, LineId: 3)],
        Now, Guid.NewGuid());

    private static (PickupRequest? Completed, PickupCompletion? Completion, Refusal? Refusal) Complete(PickupRequest request,
        params ScannedItem[] items) =>
        PickupCompletionRules.Complete(request, new CompletePickupRequest(request.ConfirmationNumber, items, null), "T1-1", "f", "pickup.x", Now);

    [Fact]
    public void PUP4_scanning_everything_completes_the_request_and_hands_each_line_over()
    {
        var (completed, completion, refusal) = Complete(Request, new ScannedItem("81120", 3), new ScannedItem("83010", 1));

        Assert.Null(refusal);
        Assert.Equal(PickupStatus.Completed, completed!.Status);
        Assert.Equal([new HandedOverItem(1, "81120", 2), new HandedOverItem(3, "81120", 1), new HandedOverItem(2, "83010", 1)], completion!.Items);
    }

    [Fact]
    public void PUP4_part_of_the_goods_leaves_the_request_partially_completed_and_the_rest_can_be_collected_later()
    {
        var (first, _, _) = Complete(Request, new ScannedItem("81120", 1));
        var (second, completion, refusal) = Complete(first!, new ScannedItem("81120", 2), new ScannedItem("83010", 1));

        Assert.Equal(PickupStatus.PartiallyCompleted, first!.Status);
        Assert.Null(refusal);
        Assert.Equal(PickupStatus.Completed, second!.Status);
        Assert.Equal([new HandedOverItem(1, "81120", 1), new HandedOverItem(3, "81120", 1), new HandedOverItem(2, "83010", 1)], completion!.Items);
    }

    [Theory]
    [InlineData("OTHER-RECEIPT", "81120", 1, "pickup.receipt_mismatch")]
    [InlineData(null, "99999", 1, "pickup.item_not_in_request")]
    [InlineData(null, "81120", 4, "pickup.quantity_exceeds_request")]
    [InlineData(null, "81120", 0, "pickup.quantity_invalid")]
    public void PUP4_a_wrong_receipt_an_item_not_ordered_or_too_many_is_refused(string? receipt, string sku, int quantity, string code)
    {
        var scan = new CompletePickupRequest(receipt ?? Request.ConfirmationNumber, [new ScannedItem(sku, quantity)], null);

        Assert.Equal(code, PickupCompletionRules.Complete(Request, scan, "T1-1", "f", "pickup.x", Now).Refusal?.Code);
    }

    [Theory]
    [InlineData(PickupStatus.Cancelled, "pickup.cancelled")]
    [InlineData(PickupStatus.Completed, "pickup.completed")]
    [InlineData(PickupStatus.Expired, "pickup.closed")]
    public void A_pickup_that_is_over_cannot_be_completed(PickupStatus status, string code)
    {
        var refusal = Complete(Request with { Status = status }, new ScannedItem("81120", 1)).Refusal!;

        Assert.Equal((code, true), (refusal.Code, refusal.IsConflict));
    }

    [Fact]
    public void PUP4_a_request_not_received_yet_cannot_be_completed()
    {
        var refusal = Complete(Request with { Status = PickupStatus.Requested }, new ScannedItem("81120", 3), new ScannedItem("83010", 1)).Refusal!;

        Assert.Equal(("pickup.not_received", true), (refusal.Code, refusal.IsConflict));
    }

    [Fact]
    public void Payment_answers_are_matched_to_the_completion_they_pay_retries_included()
    {
        var completed = Complete(Request, new ScannedItem("81120", 1)).Completed!;

        var failed = completed.Apply(PickupCompletionRules.Paid(completed, Answer("pickup.x", "capture-1", 30m, balanceDue: 70m, "payment.new_tender_required"))!);
        var retried = failed.Apply(PickupCompletionRules.Paid(failed, Answer("pickup.x", "capture-2", 70m))!);

        Assert.Equal((PickupPaymentStatus.NewPaymentRequired, 30m, 70m, "payment.new_tender_required"),
            (failed.Completions![0].Payment, failed.Completions[0].Captured, failed.Completions[0].BalanceDue, failed.Completions[0].PaymentCode));
        Assert.Equal((PickupPaymentStatus.Captured, 100m, 0m, null),
            (retried.Completions![0].Payment, retried.Completions[0].Captured, retried.Completions[0].BalanceDue, retried.Completions[0].PaymentCode));
        Assert.Null(PickupCompletionRules.Paid(completed, Answer("pickup.xy", "capture-1", 30m)));
    }

    [Fact]
    public void PAY9_an_answer_delivered_twice_counts_once()
    {
        var completed = Complete(Request, new ScannedItem("81120", 1)).Completed!;
        var paid = completed.Apply(PickupCompletionRules.Paid(completed, Answer("pickup.x", "capture-1", 30m))!);

        Assert.Null(PickupCompletionRules.Paid(paid, Answer("pickup.x", "capture-1", 30m)));
    }

    private PickupPaymentAnswered Answer(string fulfillmentId, string captureId, decimal captured, decimal balanceDue = 0m, string? code = null) =>
        new()
        {
            OrderId = Request.OrderId, FulfillmentId = fulfillmentId, CaptureId = captureId, Captured = captured, BalanceDue = balanceDue,
            Code = code, Outcome = code is null ? PickupPaymentOutcome.Captured : PickupPaymentOutcome.NewPaymentRequired,
        };
}
