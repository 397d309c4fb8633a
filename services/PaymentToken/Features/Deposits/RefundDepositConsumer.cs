using Marten;
using MassTransit;
using OmniChannel.Contracts.Payment;

namespace OmniChannel.PaymentToken.Features.Deposits;

/// <summary>Compensation: refunds a captured deposit in full against its capture token (PAY-11), once.</summary>
public sealed class RefundDepositConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<RefundDeposit>
{
    public async Task Consume(ConsumeContext<RefundDeposit> context)
    {
        var payment = await session.LoadAsync<DepositPayment>(context.Message.OrderId, context.CancellationToken);
        if (payment is { Status: DepositStatus.Captured })
        {
            payment = payment with { Status = DepositStatus.Refunded, RefundedAmount = payment.Amount, At = clock.GetUtcNow() };
            session.Store(payment);
            await session.SaveChangesAsync(context.CancellationToken);
        }
        await context.Publish(new DepositRefunded { OrderId = context.Message.OrderId, Amount = payment?.RefundedAmount ?? 0m });
    }
}
