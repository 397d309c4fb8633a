using OmniChannel.Contracts.Pickup;
using OmniChannel.Pickup.Features.PickupRequests;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.Pickup.Features.Completion;

public sealed record ScannedItem(string? Sku, int Quantity);

/// <param name="Receipt">The receipt's barcode: the order's confirmation number.</param>
/// <param name="Items">Every item scanned at the counter, by SKU.</param>
/// <param name="TenderLineId">PAY-8: a different card the customer pays with (POST /api/payments/orders/{orderId}/tenders), captured first.</param>
public sealed record CompletePickupRequest(string? Receipt, IReadOnlyList<ScannedItem>? Items, int? TenderLineId);

/// <summary>PUP-4, pure: the receipt and every scanned item checked against the request; the goods handed over line by line.</summary>
public static class PickupCompletionRules
{
    /// <summary>Units of one scanned item: more is no pickup, and the sum of a SKU's scans must not overflow.</summary>
    public const int MaxQuantity = 100_000;

    public static (PickupRequest? Completed, PickupCompletion? Completion, Refusal? Refusal) Complete(PickupRequest request,
        CompletePickupRequest scan, string idempotencyKey, string fingerprint, string fulfillmentId, DateTimeOffset now)
    {
        switch (request.Status)
        {
            case PickupStatus.Cancelled:
                return Refuse("pickup.cancelled", $"The pickup of {request.ConfirmationNumber} was cancelled ({request.CancellationReason}).", conflict: true);
            case PickupStatus.Completed:
                return Refuse("pickup.completed", $"Everything of {request.ConfirmationNumber} was collected already.", conflict: true);
            case PickupStatus.NotPossible or PickupStatus.Expired:
                return Refuse("pickup.closed", $"The pickup of {request.ConfirmationNumber} is {request.Status}.", conflict: true);
        }
        if (scan.Receipt != request.ConfirmationNumber)
            return Refuse("pickup.receipt_mismatch", "The scanned receipt is not this pickup's: scan the customer's receipt.");
        if (scan.Items is not { Count: > 0 } scanned)
            return Refuse("pickup.items_required", "Scan every item handed over.");
        if (scan.TenderLineId is <= 0)
            return Refuse("pickup.tender_line_invalid", "tenderLineId is a tender line of the order's payments.");

        var items = request.Items.ToList();
        var handedOver = new List<HandedOverItem>();
        foreach (var sku in scanned.GroupBy(i => i.Sku ?? "", i => i.Quantity))
        {
            if (sku.Any(q => q is <= 0 or > MaxQuantity))
                return Refuse("pickup.quantity_invalid", $"{sku.Key}: a scanned quantity is between 1 and {MaxQuantity}.");
            var lines = items.Select((item, index) => (item, index)).Where(x => x.item.Sku == sku.Key).ToList();
            if (lines.Count == 0)
                return Refuse("pickup.item_not_in_request", $"{sku.Key} is not part of this pickup.");
            var wanted = sku.Sum();
            if (wanted > lines.Sum(x => x.item.Open))
                return Refuse("pickup.quantity_exceeds_request", $"{sku.Key}: {wanted} scanned, {lines.Sum(x => x.item.Open)} to collect.");
            foreach (var (item, index) in lines)
            {
                var take = Math.Min(item.Open, wanted);
                if (take == 0)
                    continue;
                items[index] = item with { HandedOver = item.HandedOver + take };
                handedOver.Add(new HandedOverItem(item.LineId, item.Sku, take));
                wanted -= take;
            }
        }

        var completion = new PickupCompletion(fulfillmentId, idempotencyKey, fingerprint, handedOver, scan.TenderLineId, now);
        var status = items.All(i => i.Open == 0) ? PickupStatus.Completed : PickupStatus.PartiallyCompleted;
        return (request with { Status = status, Items = items, Completions = [.. request.Completions ?? [], completion] }, completion, null);
    }

    /// <summary>
    /// PAY-9: the request with the answered capture counted on its completion, or null when no completion of it is
    /// named or that capture was counted already (an answer delivered twice counts once).
    /// </summary>
    public static PickupRequest? Paid(PickupRequest request, PickupPaymentAnswered answer)
    {
        if (request.Completions?.FirstOrDefault(c => c.FulfillmentId == answer.FulfillmentId) is not { } completion
            || completion.AnsweredAttempts?.Contains(answer.CaptureId) == true)
            return null;
        var answered = completion with
        {
            Payment = answer.Outcome == PickupPaymentOutcome.Captured ? PickupPaymentStatus.Captured : PickupPaymentStatus.NewPaymentRequired,
            Captured = completion.Captured + answer.Captured,
            BalanceDue = answer.BalanceDue,
            PaymentCode = answer.Code,
            AnsweredAttempts = [.. completion.AnsweredAttempts ?? [], answer.CaptureId],
        };
        return request with { Completions = request.Completions.Select(c => c.FulfillmentId == completion.FulfillmentId ? answered : c).ToList() };
    }

    private static (PickupRequest?, PickupCompletion?, Refusal?) Refuse(string code, string detail, bool conflict = false) =>
        (null, null, new Refusal(code, detail, conflict ? RefusalKind.Conflict : RefusalKind.Invalid));
}
