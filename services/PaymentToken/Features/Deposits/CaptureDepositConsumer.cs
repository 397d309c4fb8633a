using Marten;
using MassTransit;
using OmniChannel.Contracts.Payment;

namespace OmniChannel.PaymentToken.Features.Deposits;

/// <summary>ORD-3: takes an order's deposit through the connector, once per order, and answers captured or declined.</summary>
public sealed class CaptureDepositConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<CaptureDeposit>
{
    public async Task Consume(ConsumeContext<CaptureDeposit> context)
    {
        var request = context.Message;
        var payment = await session.LoadAsync<DepositPayment>(request.OrderId, context.CancellationToken);
        if (payment is null)
        {
            var answer = TestCardConnector.AuthorizeAndCapture(request.OrderId, request.CardToken, request.Amount);
            payment = new DepositPayment(request.OrderId, request.ConfirmationNumber, request.StoreId, request.TenderTypeId,
                request.CardTypeId, TestCardConnector.ConnectorId, request.CardToken, request.Amount, request.Currency,
                answer.Approved ? DepositStatus.Captured : DepositStatus.Declined, answer.AuthorizationToken, answer.CaptureToken,
                answer.DeclineCode, answer.DeclineReason, 0m, clock.GetUtcNow());
            session.Insert(payment);
            await session.SaveChangesAsync(context.CancellationToken);
        }

        if (payment.Status == DepositStatus.Declined)
            await context.Publish(new DepositDeclined { OrderId = payment.Id, Code = payment.DeclineCode!, Reason = payment.DeclineReason! });
        else
            await context.Publish(new DepositCaptured
            {
                OrderId = payment.Id, Amount = payment.Amount, AuthorizationToken = payment.AuthorizationToken!, CaptureToken = payment.CaptureToken!,
            });
    }
}
