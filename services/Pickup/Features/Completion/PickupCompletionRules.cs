using OmniChannel.Contracts.Pickup;
using OmniChannel.Pickup.Features.PickupRequests;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.Pickup.Features.Completion;

public sealed record ScannedItem(string? Sku, int Quantity);

/// <param name="Receipt">The receipt's barcode: the order's confirmation number.</param>
/// <param name="Items">Every item scanned at the counter, by SKU.</param>
/// <param name="TenderLineId">PAY-8: a different card the customer pays with (POST /api/payments/orders/{orderId}/tenders), captured first.</param>
public sealed record CompletePickupRequest(string? Receipt, IReadOnlyList<ScannedItem>? Items, int? TenderLineId);

/// <summary>
/// PUP-4, pure: only a received request (PUP-3) is handed over; the receipt and every scanned item are checked against it and
/// the goods handed over line by line (<see cref="PickupHandedOver"/>).
/// </summary>
public static class PickupCompletionRules
{
    /// <summary>Units of one scanned item: more is no pickup, and the sum of a SKU's scans must not overflow.</summary>
    public const int MaxQuantity = 100_000;

    public static (PickupRequest? Completed, PickupCompletion? Completion, Refusal? Refusal) Complete(PickupRequest request,
        CompletePickupRequest scan, string idempotencyKey, string fingerprint, string fulfillmentId, DateTimeOffset now)
    {
        if (!request.IsOpen)
            return Refuse(PickupDecider.Closed(request));
        if (request.Status == PickupStatus.Requested)
            return Refuse("pickup.not_received", $"{request.ConfirmationNumber} is not received yet: scan its receipt and items in first (PUP-3).", conflict: true);
        if (scan.Receipt != request.ConfirmationNumber)
            return Refuse("pickup.receipt_mismatch", "The scanned receipt is not this pickup's: scan the customer's receipt.");
        if (scan.Items is not { Count: > 0 } scanned)
            return Refuse("pickup.items_required", "Scan every item handed over.");
        if (scan.TenderLineId is <= 0)
            return Refuse("pickup.tender_line_invalid", "tenderLineId is a tender line of the order's payments.");

        var handedOver = new List<HandedOverItem>();
        foreach (var sku in scanned.GroupBy(i => i.Sku ?? "", i => i.Quantity))
        {
            if (sku.Any(q => q is <= 0 or > MaxQuantity))
                return Refuse("pickup.quantity_invalid", $"{sku.Key}: a scanned quantity is between 1 and {MaxQuantity}.");
            var lines = request.Items.Where(item => item.Sku == sku.Key).ToList();
            if (lines.Count == 0)
                return Refuse("pickup.item_not_in_request", $"{sku.Key} is not part of this pickup.");
            var wanted = sku.Sum();
            if (wanted > lines.Sum(item => item.Open))
                return Refuse("pickup.quantity_exceeds_request", $"{sku.Key}: {wanted} scanned, {lines.Sum(item => item.Open)} to collect.");
            foreach (var item in lines)
            {
                var take = Math.Min(item.Open, wanted);
                if (take == 0)
                    continue;
                handedOver.Add(new HandedOverItem(item.LineId, item.Sku, take));
                wanted -= take;
            }
        }

        var completion = new PickupCompletion(fulfillmentId, idempotencyKey, fingerprint, handedOver, scan.TenderLineId, now);
        return (request.Apply(new PickupHandedOver(request.Id, completion)), completion, null);
    }

    /// <summary>
    /// PAY-9: the answered capture, to count on its completion, or null when no completion of the request is named or that
    /// capture was counted already (an answer delivered twice counts once).
    /// </summary>
    public static CompletionPaymentAnswered? Paid(PickupRequest request, PickupPaymentAnswered answer) =>
        request.Completions?.FirstOrDefault(c => c.FulfillmentId == answer.FulfillmentId) is not { } completion
        || completion.AnsweredAttempts?.Contains(answer.CaptureId) == true
            ? null
            : new CompletionPaymentAnswered(request.Id, answer.FulfillmentId, answer.CaptureId,
                answer.Outcome == PickupPaymentOutcome.Captured ? PickupPaymentStatus.Captured : PickupPaymentStatus.NewPaymentRequired,
                answer.Captured, answer.BalanceDue, answer.Code);

    private static (PickupRequest?, PickupCompletion?, Refusal?) Refuse(string code, string detail, bool conflict = false) =>
        Refuse(new Refusal(code, detail, conflict ? RefusalKind.Conflict : RefusalKind.Invalid));

    private static (PickupRequest?, PickupCompletion?, Refusal?) Refuse(Refusal refusal) => (null, null, refusal);
}
