namespace OmniChannel.Pickup.Features.Printing;

public enum PrintJobKind { Receipt, Reprint, CancellationSlip, ExpiryList }

/// <summary>
/// One document on a store's print queue (PUP-1), which the store's print agent takes (GET …/print-jobs), prints and
/// acknowledges; until then it stays on the queue, so a printer that was off prints it when it is back.
/// </summary>
public sealed record PrintJob(string Id, string StoreId, PrintJobKind Kind, Guid PickupId, string ReceiptNumber, DateTimeOffset CreatedAt,
    byte[] Pdf, DateTimeOffset? AcknowledgedAt = null);

/// <summary>What the agent lists: the job without its document, which it downloads by <see cref="PrintJob.Id"/>.</summary>
public sealed record PrintJobView(string Id, string StoreId, PrintJobKind Kind, Guid PickupId, string ReceiptNumber, DateTimeOffset CreatedAt,
    DateTimeOffset? AcknowledgedAt)
{
    public static PrintJobView Of(PrintJob job) => new(job.Id, job.StoreId, job.Kind, job.PickupId, job.ReceiptNumber, job.CreatedAt, job.AcknowledgedAt);
}
