using OmniChannel.Order.Orders;
using OmniChannel.ServiceDefaults;
using OmniChannel.ServiceDefaults.Failures;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.Order.Features.CreateOrder;

public enum TransactionStatus { Received, Created }

/// <summary>
/// ORD-9: the terminal's transaction, stored durably before anything else under its Idempotency-Key. It holds the
/// validated order until the order's stream exists (real time, or the sync job), and answers a repeated key.
/// <see cref="ForceCompletedAt"/>: ORD-11, the terminal completed the transaction while its creation was stuck; the
/// order is created asynchronously and a cancellation of it goes the ORD-10 way.
/// <see cref="Trace"/> is the request's trace context, so the order's creation, whenever and wherever it happens, continues
/// the request's trace (issue 10: one trace per order); <see cref="Initiator"/> is the request's caller, so the order's
/// creation and everything it starts are theirs, not the creating job's.
/// <see cref="CreationFailure"/>: issue 13, its order cannot be created as stored (a permanent failure): the order-sync job
/// no longer takes it, and it waits on the operators' permanent failures queue instead (id <c>creation.{number}</c>).
/// </summary>
public sealed record TerminalTransaction(
    string Id,
    string ConfirmationNumber,
    Guid OrderId,
    string RequestHash,
    ValidOrder Order,
    TransactionStatus Status,
    DateTimeOffset ReceivedAt,
    CreationPath? CreatedVia = null,
    DateTimeOffset? CreatedAt = null,
    TraceContext? Trace = null,
    Initiator? Initiator = null,
    DateTimeOffset? ForceCompletedAt = null,
    Failure? CreationFailure = null);
