namespace OmniChannel.PaymentToken.Payments;

/// <summary>Where an order's payment stream is read and appended: Marten for the service, a list for unit tests.</summary>
public interface IPaymentJournal
{
    /// <summary>The order's payments as stored now (null before its first event); appends then expect this version.</summary>
    Task<OrderPayments?> LoadAsync(Guid orderId, CancellationToken ct);

    /// <summary>
    /// Appends after what was loaded and appended so far; throws <see cref="PaymentConflictException"/> when someone
    /// else appended since (then load again).
    /// </summary>
    Task AppendAsync(Guid orderId, IReadOnlyList<object> events, CancellationToken ct);
}

/// <summary>Someone else appended to the order's payments first: load again and decide again.</summary>
public sealed class PaymentConflictException(Exception? inner = null)
    : Exception("The order's payments changed concurrently.", inner);
