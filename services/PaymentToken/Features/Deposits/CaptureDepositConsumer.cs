using Marten;
using MassTransit;
using OmniChannel.Contracts.Payment;
using OmniChannel.PaymentToken.Connectors;
using OmniChannel.PaymentToken.Features.Tenders;
using OmniChannel.PaymentToken.Features.TenderTypes;
using OmniChannel.PaymentToken.Payments;

namespace OmniChannel.PaymentToken.Features.Deposits;

/// <summary>
/// ORD-3, PAY-5, PAY-7: takes an order's deposit at the store terminal through the card present connector, once per
/// order, as the first tender line of the order's payments: one swipe authorizes the deposit and the balance and
/// captures the deposit. PAY-3, PAY-4: a storefront or call-center order's card is authorized (and the call center's
/// prepayment captured) the same way through the card not present connector. Answers captured or declined; a
/// redelivery answers the same from the stream.
/// </summary>
public sealed class CaptureDepositConsumer(IDocumentSession session, IConnectors connectors, TimeProvider clock) : IConsumer<CaptureDeposit>
{
    public async Task Consume(ConsumeContext<CaptureDeposit> context)
    {
        var (request, ct) = (context.Message, context.CancellationToken);
        var journal = new TransactionalPaymentJournal(session);
        var payments = await journal.LoadAsync(request.OrderId, ct);
        if (payments is null || payments.Completed(DepositView.RequestKey) is null)
        {
            var (tender, decision) = await DecideAsync(request, payments?.Currency, ct);
            payments = await new PaymentEngine(journal, connectors, clock).RunAsync(request.OrderId,
                new LedgerOpening(request.ConfirmationNumber, request.Currency),
                (s, now) => TenderPlan.Next(s, tender, decision, DepositView.RequestKey, DepositView.RequestKey, now), ct);
            await session.SaveChangesAsync(ct);
        }

        var deposit = DepositView.Of(payments)!;
        if (deposit.Status == DepositStatus.Declined)
            await context.Publish(new DepositDeclined { OrderId = request.OrderId, Code = deposit.DeclineCode!, Reason = deposit.DeclineReason! });
        else
            await context.Publish(new DepositCaptured
            {
                OrderId = request.OrderId, Amount = deposit.Amount, AuthorizationToken = deposit.AuthorizationToken!, CaptureToken = deposit.CaptureToken,
                TenderLineId = deposit.TenderLineId, AuthorizedBalance = deposit.OpenAuthorization, AuthorizationExpiresAt = deposit.AuthorizationExpiresAt,
                // PAY-7: at a store, a card without recurring token pays the deposit only and leaves the balance unauthorized.
                SecondCardRequired = !deposit.RecurringToken && deposit.OpenAuthorization < (request.BalanceToAuthorize ?? 0m),
            });
    }

    private async Task<(NewTender, TenderDecision)> DecideAsync(CaptureDeposit request, string? ledgerCurrency, CancellationToken ct)
    {
        var (tender, refusal) = DepositTender.From(request, await session.LoadAsync<TenderType>(request.TenderTypeId, ct), ledgerCurrency);
        if (refusal is not null)
            return (tender, TenderDecision.Refuse(refusal.Code, refusal.Detail));
        var card = tender.Tender;
        var verification = await connectors.For(card.ConnectorId, card.MerchantId, card.CardPresent).VerifyAsync(card.CardToken, ct);
        return (tender, TenderRules.Decide(tender, verification));
    }
}
