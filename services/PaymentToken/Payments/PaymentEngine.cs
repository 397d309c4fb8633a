using OmniChannel.PaymentToken.Connectors;
using OmniChannel.ServiceDefaults.Failures;

namespace OmniChannel.PaymentToken.Payments;

/// <summary>
/// Carries out a plan step by step. A processor call is journaled and committed before it is made (write-ahead);
/// its outcome, and facts that need no call, are committed with the next journaled call or when the plan is done.
/// A call left unfinished by a crash (or by a concurrent request) is finished first, with its own key, before
/// anything new is decided. Decisions are the plan's: a pure function of the order's payments and the time.
/// </summary>
/// <summary>What opens an order's payments: only a tender does (a deposit, or a card added to the order).</summary>
/// <param name="Currency">The order's currency (the store's): every amount of the ledger is in it.</param>
public sealed record LedgerOpening(string? ConfirmationNumber, string Currency);

public sealed class PaymentEngine(IPaymentJournal journal, IConnectors connectors, TimeProvider clock)
{
    private const int MaxSteps = 200;

    /// <param name="opening">How to open the order's payments when it has none; null where there must be some already.</param>
    public async Task<OrderPayments> RunAsync(Guid orderId, LedgerOpening? opening, Func<OrderPayments, DateTimeOffset, PaymentStep> plan,
        CancellationToken ct)
    {
        var state = await journal.LoadAsync(orderId, ct);
        var unsaved = new List<object>();
        for (var steps = 0; steps < MaxSteps; steps++)
        {
            try
            {
                var now = clock.GetUtcNow();
                if (state is null)
                {
                    Add(opening is null
                        ? throw new PermanentFailureException("payment.no_ledger", $"Order {orderId} has no payments yet: only a tender opens them.",
                            subject: orderId.ToString())
                        : new PaymentsOpened(orderId, opening.ConfirmationNumber, opening.Currency, now));
                    continue;
                }
                if (state.Pending.Count > 0)
                {
                    Add(await OutcomeAsync(state.Pending[0], state, ct));
                    continue;
                }
                switch (plan(state, now))
                {
                    case RecordStep record:
                        foreach (var e in record.Events)
                            Add(e);
                        break;
                    case CallStep call:
                        Add(new ProcessorCallStarted(call.Call, now));
                        await SaveAsync();
                        Add(await OutcomeAsync(call.Call, state, ct));
                        break;
                    default:
                        await SaveAsync();
                        return state;
                }
            }
            catch (PaymentConflictException)
            {
                // Someone else moved the stream: load again, finish what they journaled, decide again.
                unsaved.Clear();
                state = await journal.LoadAsync(orderId, ct);
            }
        }
        throw new PermanentFailureException("payment.unsettled", $"The payments of order {orderId} did not settle within {MaxSteps} steps.", orderId);

        void Add(object e)
        {
            unsaved.Add(e);
            state = OrderPayments.Fold(state, e);
        }

        async Task SaveAsync()
        {
            if (unsaved.Count == 0)
                return;
            await journal.AppendAsync(orderId, [.. unsaved], ct);
            unsaved.Clear();
        }
    }

    /// <summary>Makes a journaled call (again: the processor answers a repeated key as the first time); returns what its answer stands for.</summary>
    private async Task<object> OutcomeAsync(ProcessorCall call, OrderPayments state, CancellationToken ct)
    {
        var tender = call.NewTender ?? state.Line(call.TenderLineId).Tender;
        var connector = connectors.For(tender.ConnectorId, tender.MerchantId, tender.CardPresent); // PAY-1: the line's own connector
        var result = await (call.Kind switch
        {
            CallKind.Authorize => connector.AuthorizeAsync(call.Key, call.Token, call.Amount, state.Currency, storedCredential: false, ct),
            CallKind.Reauthorize => connector.AuthorizeAsync(call.Key, call.Token, call.Amount, state.Currency, storedCredential: true, ct),
            CallKind.Capture => connector.CaptureAsync(call.Key, call.Token, call.Amount, ct),
            CallKind.Void => connector.VoidAsync(call.Key, call.Token, ct),
            CallKind.Refund => connector.RefundAsync(call.Key, call.Token, call.Amount, ct),
            _ => throw new ArgumentOutOfRangeException(nameof(call), call.Kind, null),
        });
        // The processor did something else under this key: recording a decline would hide it, and asking again gets the
        // same answer. A permanent failure (issue 13): not retried, recorded on the payments' stream and the operators'
        // queue (payment's GET /operations/permanent-failures); GET .../reconciliation shows the difference.
        // A decline is no failure at all but the processor's decision, recorded as such (CallOutcome); a call with no
        // decision (no connection, a timeout, a 5xx: ProcessorCallException) is retryable and retried with the message.
        if (result.Code == "idempotency.key_reused")
            throw new PermanentFailureException("payment.key_reused",
                $"The processor holds another request under key {call.Key}: order {state.Id} needs an operator.", state.Id);
        return CallOutcome.Of(call, result, clock.GetUtcNow());
    }
}
