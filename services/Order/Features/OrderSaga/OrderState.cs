using MassTransit;
using OmniChannel.Order.Orders;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.Order.Features.OrderSaga;

/// <summary>Where one order is in its saga; the order's facts live in its event stream, keyed by the confirmation number.</summary>
public sealed class OrderState : SagaStateMachineInstance, ISagaVersion
{
    public Guid CorrelationId { get; set; }
    public int Version { get; set; }
    public string CurrentState { get; set; } = "";
    public string ConfirmationNumber { get; set; } = "";

    /// <summary>Why the order is rejected once its stock is released: no event of the order's says so when Pricing refused the cart.</summary>
    public Refusal? Rejection { get; set; }
}
