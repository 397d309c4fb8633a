using MassTransit;

namespace OmniChannel.Order.Features.OrderSaga;

/// <summary>Where one order is in its saga; the order's facts live in its event stream, keyed by the confirmation number.</summary>
public sealed class OrderState : SagaStateMachineInstance, ISagaVersion
{
    public Guid CorrelationId { get; set; }
    public int Version { get; set; }
    public string CurrentState { get; set; } = "";
    public string ConfirmationNumber { get; set; } = "";
    public decimal DepositDue { get; set; }

    /// <summary>What the payment at order time also authorizes for pickup or invoicing (PAY-3, PAY-4, PAY-5).</summary>
    public decimal BalanceToAuthorize { get; set; }

    public string? RejectionCode { get; set; }
    public string? RejectionReason { get; set; }

    /// <summary>Set by a step once every line is fulfilled and paid: the saga is done.</summary>
    public bool Completed { get; set; }

    /// <summary>Set by a step when it accepted a cancellation (ORD-8): the saga releases the stock and settles the payments.</summary>
    public string? CancellationId { get; set; }
    public decimal CancellationCharge { get; set; }
}
