using MassTransit;
using OmniChannel.Order.Orders;
using StockReserved = OmniChannel.Contracts.Inventory.StockReserved;

namespace OmniChannel.Order.Features.OrderSaga;

/// <summary>
/// Prices the order before the saga's transaction begins: the outbox opens it further down the pipe, so a slow or
/// retried Pricing call holds no PostgreSQL connection or transaction. The answer rides on the message's context; the
/// saga decides with it. Inside the endpoint's retry, so a failed call is retried with the message.
/// </summary>
public sealed class PriceFirstFilter(IServiceProvider services) : IFilter<ConsumeContext>
{
    public async Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
    {
        if (context.TryGetMessage<StockReserved>(out var reserved))
        {
            await using var scope = services.CreateAsyncScope();
            var answer = await scope.ServiceProvider.GetRequiredService<IOrderPricing>()
                .PriceAsync(reserved.Message.ConfirmationNumber, context.CancellationToken);
            context.AddOrUpdatePayload(() => answer, _ => answer);
        }
        await next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("priceFirst");
}
