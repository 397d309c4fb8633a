using System.Diagnostics;
using Marten;
using OmniChannel.Contracts.Inventory;
using OmniChannel.Order.Orders;
using OmniChannel.ServiceDefaults.Failures;
using OmniChannel.ServiceDefaults.Persistence;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.Order.Features.CreateOrder;

/// <summary>
/// Turns a terminal transaction into an order: starts the order's stream (keyed by the confirmation number), marks
/// the transaction created and asks Inventory-Allocation to reserve the order's stock (INV-7), all in the caller's
/// session, so all or none commit. Inventory's answer starts the order's saga (OrderStateMachine): the first step
/// needs no message of its own. Whichever path commits first wins; the stream key makes a second creation fail
/// instead of creating twice. The order's first event and its reservation are the transaction's initiator's (the
/// caller of the request), whichever path creates it.
/// </summary>
public sealed class OrderCreator(TimeProvider clock)
{
    public TerminalTransaction Create(IDocumentSession session, TerminalTransaction transaction, CreationPath path)
    {
        var order = transaction.Order;
        var now = clock.GetUtcNow();
        var stream = session.Events.StartStream<CustomerOrder>(transaction.ConfirmationNumber, new OrderCreated(transaction.ConfirmationNumber,
            transaction.OrderId, order.StoreId, order.TerminalId, order.CustomerId, order.CustomerType, order.Lines, order.Deposit,
            order.DepositPercent, path, transaction.ReceivedAt, now, order.Currency, order.Channel));
        stream.Events[0].StartedBy(transaction.Initiator); // one session may create the orders of several callers

        var created = transaction with { Status = TransactionStatus.Created, CreatedVia = path, CreatedAt = now };
        session.Store(created);
        session.PublishOnCommit(Reservation(transaction.OrderId, transaction.ConfirmationNumber, order.Lines, order.CustomerId), reservation =>
        {
            if (transaction.Initiator is { } initiator)
                reservation.Headers.Set(Initiator.Header, initiator.ToHeader());
        });
        session.AfterCommit(() => OrderMetrics.OrderCreated(path));
        return created;
    }

    /// <summary>Every ship and pickup line reserved at its location, carry-out lines taken from the store at once.</summary>
    /// <param name="customerId">With each ship line's address, what INV-4's batch shipment consolidates by.</param>
    public static ReserveStock Reservation(Guid orderId, string confirmationNumber, IEnumerable<OrderLine> lines, string? customerId = null) => new()
    {
        OrderId = orderId,
        ConfirmationNumber = confirmationNumber,
        CustomerId = customerId,
        Lines = lines.Select(l => new ReservationLine
        {
            LineId = l.LineId, Sku = l.Sku, Quantity = l.Quantity, LocationId = l.Fulfillment.LocationId,
            ShipTo = l.Fulfillment.Address is { } a ? $"{a.Line1}|{a.City}|{a.Region}|{a.PostalCode}|{a.Country}".ToUpperInvariant() : null,
            Kind = l.Fulfillment.Kind switch
            {
                FulfillmentKind.Ship => ReservationKind.Ship,
                FulfillmentKind.Pickup => ReservationKind.Pickup,
                _ => ReservationKind.CarryOut,
            },
        }).ToList(),
    };

    /// <summary>
    /// Creates each transaction in its own commit, in the trace of its request; returns how many this call created. Issue 13's
    /// taxonomy, per transaction: a retryable failure (the database away, a timeout) stops the run and is thrown, and the
    /// order-sync job tries again at its next interval; a permanent one (PostgreSQL refuses the order's values, every
    /// time) is recorded on the transaction and on the operators' permanent failures, and the others go on: one poison
    /// transaction never holds the batch path up.
    /// </summary>
    public async Task<int> CreateEachAsync(IDocumentStore store, IReadOnlyList<TerminalTransaction> transactions, CreationPath path,
        CancellationToken ct)
    {
        var created = 0;
        foreach (var transaction in transactions)
        {
            using var activity = CreationTrace.StartOrder(transaction, path);
            await using var session = store.LightweightSession();
            Create(session, transaction, path);
            try
            {
                await session.SaveChangesAsync(ct);
                created++;
            }
            catch (Exception exception) when (WriteConflict.IsAny(exception))
            {
                // The other path created it a moment ago: nothing to do.
                activity?.SetTag(CreationTrace.AlreadyCreated, true);
            }
            catch (Exception exception) when (FailureClassifier.Classify(exception) is { Kind: FailureKind.Permanent } failure)
            {
                await RecordFailureAsync(store, transaction, failure, ct);
            }
        }
        return created;
    }

    /// <summary>The transaction keeps its failure (the sync job skips it); the operators' queue gets it, once.</summary>
    private async Task RecordFailureAsync(IDocumentStore store, TerminalTransaction transaction, Failure failure, CancellationToken ct)
    {
        await using (var session = store.LightweightSession())
        {
            session.Store(transaction with { CreationFailure = failure });
            await session.SaveChangesAsync(ct);
        }
        await PermanentFailures.RecordAsync(store, CreationFailureId(transaction.ConfirmationNumber), failure, transaction.ConfirmationNumber, null,
            null, null, null, clock.GetUtcNow(), ct);
    }

    public static string CreationFailureId(string confirmationNumber) => $"creation.{confirmationNumber}";

    /// <summary>
    /// Creates them all in one commit (group commit: one round trip for many orders); falls back to one by one. Each
    /// order is created under an activity in its own request's trace, so its messages carry that trace; the batch's
    /// activity, which holds the commit, links to them.
    /// </summary>
    public async Task<int> CreateAllAsync(IDocumentStore store, IReadOnlyList<TerminalTransaction> transactions, CreationPath path,
        CancellationToken ct)
    {
        if (transactions.Count == 0)
            return 0;
        using var batch = CreationTrace.StartBatch(transactions, path);
        var orders = new List<Activity>(transactions.Count);
        try
        {
            await using var session = store.LightweightSession();
            var outer = Activity.Current;
            foreach (var transaction in transactions)
            {
                if (CreationTrace.StartOrder(transaction, path) is { } order)
                    orders.Add(order);
                Create(session, transaction, path); // its ReserveStock keeps the order's activity as its trace
                Activity.Current = outer; // the next order is not this one's child
            }
            try
            {
                await session.SaveChangesAsync(ct);
                return transactions.Count;
            }
            catch (Exception exception) when (WriteConflict.IsAny(exception))
            {
                orders.ForEach(order => order.SetTag(CreationTrace.AlreadyCreated, true));
                batch?.SetTag(CreationTrace.AlreadyCreated, true);
            }
            catch (Exception exception) when (FailureClassifier.Classify(exception).Kind == FailureKind.Permanent)
            {
                // One of them cannot be stored: one by one finds which, and the others are created.
            }
        }
        finally
        {
            orders.ForEach(order => order.Stop());
        }
        return await CreateEachAsync(store, transactions, path, ct);
    }
}
