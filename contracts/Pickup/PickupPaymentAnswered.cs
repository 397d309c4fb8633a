namespace OmniChannel.Contracts.Pickup;

public enum PickupPaymentOutcome { Captured, NewPaymentRequired }

/// <summary>
/// PAY-9: what became of a capture for one pickup completion, sent by the Order service once Payment-Token answered
/// it, so the counter shows whether the terminal must take a new payment. Names the completion by the
/// <see cref="PickupCompleted.FulfillmentId"/> Pickup gave it; a completion may be captured more than once (a retry with a
/// new card), each capture answered once under its own <see cref="CaptureId"/>.
/// </summary>
public sealed record PickupPaymentAnswered
{
    public required Guid OrderId { get; init; }

    /// <summary>The completion's id, as in <see cref="PickupCompleted.FulfillmentId"/>.</summary>
    public required string FulfillmentId { get; init; }

    /// <summary>Which capture of the completion this answers; opaque: a redelivered answer carries the same id and counts once.</summary>
    public required string CaptureId { get; init; }

    public required PickupPaymentOutcome Outcome { get; init; }

    /// <summary>What this capture took from the order's cards.</summary>
    public required decimal Captured { get; init; }

    /// <summary>What is left to pay for the completion: 0 once captured.</summary>
    public required decimal BalanceDue { get; init; }

    /// <summary>Why a new payment is required (e.g. <c>payment.new_tender_required</c>); null once captured.</summary>
    public string? Code { get; init; }
}
