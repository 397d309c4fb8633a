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
    public string? RejectionCode { get; set; }
    public string? RejectionReason { get; set; }
}
