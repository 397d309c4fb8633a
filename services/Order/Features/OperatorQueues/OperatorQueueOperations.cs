using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OmniChannel.Order.Features.CreateOrder;
using OmniChannel.Order.Orders;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.Order.Features.OperatorQueues;

/// <summary>A channel transaction still without its order, as the operators' queue shows it (no customer data: the number finds the rest).</summary>
public sealed record PendingTransactionView(string ConfirmationNumber, string StoreId, string Channel, DateTimeOffset ReceivedAt, double AgeSeconds,
    DateTimeOffset? ForceCompletedAt);

/// <summary>
/// Issue 13, the operators' queues on the order worker (its <c>/operations</c> group: an operator's token, the worker's own
/// port, the dashboard's commands): channel transactions overdue for their order, the platform's error queues and moving
/// one message back, and ORD-11's force-completion for an operator. The permanent failures are ServiceDefaults'
/// <c>MapPermanentFailures</c>. Each refusal is a problem with a stable code; the broker away is a 503, never a 500.
/// </summary>
public static class OperatorQueueOperations
{
    private const int MaxName = 255;

    public static RouteGroupBuilder MapOperatorQueues(this RouteGroupBuilder operations)
    {
        operations.MapGet("/pending-transactions", async (IQuerySession session, TimeProvider clock, IOptions<OperatorQueueOptions> options,
            CancellationToken ct) =>
        {
            var now = clock.GetUtcNow();
            var cutoff = now - options.Value.PendingTransactionThreshold;
            var overdue = await session.Query<TerminalTransaction>()
                .Where(t => t.Status == TransactionStatus.Received && t.CreationFailure == null && t.ReceivedAt < cutoff)
                .OrderBy(t => t.ReceivedAt).Take(500).ToListAsync(ct);
            return overdue.Select(t => new PendingTransactionView(t.ConfirmationNumber, t.Order.StoreId, OrderMetrics.ChannelName(t.Order.Channel),
                t.ReceivedAt, Math.Round((now - t.ReceivedAt).TotalSeconds, 1), t.ForceCompletedAt)).ToList();
        });

        operations.MapGet("/error-queues", async Task<Results<Ok<IReadOnlyList<ErrorQueueView>>, ProblemHttpResult>> (int? messages,
            ErrorQueues queues, CancellationToken ct) =>
        {
            if (messages is < 0 or > ErrorQueues.MaxListed)
                return ProblemCodes.BadRequest("messages.out_of_range", $"messages is 0 to {ErrorQueues.MaxListed} (default 20).");
            try
            {
                return TypedResults.Ok(await queues.ListAsync(messages ?? 20, ct));
            }
            catch (Exception exception) when (IsBrokerAway(exception, ct))
            {
                return Unavailable(exception);
            }
        }).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        operations.MapPost("/error-queues/{queue}/messages/{messageId}/move-back", async Task<Results<Ok<ErrorQueueMessage>, ProblemHttpResult>> (
            string queue, string messageId, ErrorQueues queues, ILogger<ErrorQueues> logger, CancellationToken ct) =>
        {
            if (queue.Length > MaxName || messageId.Length > MaxName || !queue.EndsWith("_error", StringComparison.Ordinal))
                return ProblemCodes.NotFound("error_queue.not_found", "No error queue of the platform has that name.");
            try
            {
                var (outcome, message) = await queues.MoveBackAsync(queue, messageId, ct);
                switch (outcome)
                {
                    case MoveBackOutcome.Moved:
                        logger.LogWarning("Message {MessageId} moved back from {Queue} to {Source} by an operator", messageId, queue, message!.SourceQueue);
                        return TypedResults.Ok(message);
                    case MoveBackOutcome.QueueNotFound:
                        return ProblemCodes.NotFound("error_queue.not_found", $"No error queue of the platform is named '{queue}'.");
                    case MoveBackOutcome.MessageNotFound:
                        return ProblemCodes.NotFound("error_queue.message_not_found", $"{queue} holds no message with id '{messageId}'.");
                    default:
                        return ProblemCodes.Conflict("error_queue.no_source",
                            $"Message {messageId} names no queue it failed on that still exists (MT-Fault-InputAddress): it stays in {queue}.");
                }
            }
            catch (Exception exception) when (IsBrokerAway(exception, ct))
            {
                return Unavailable(exception);
            }
        }).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        operations.MapPost("/force-completion/{confirmationNumber}", ForceCompleteAsync)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return operations;
    }

    /// <summary>
    /// ORD-11 from the dashboard: as the terminal's POST /api/orders/{number}/force-completion, for any store (an
    /// operator's right), on the worker: the transaction is marked force-completed and its order created now; a
    /// retryable failure leaves it to the order-sync job, as the terminal's route does.
    /// </summary>
    private static async Task<Results<Accepted<ForceCompletionAccepted>, ProblemHttpResult>> ForceCompleteAsync(string confirmationNumber,
        IDocumentStore store, OrderCreator creator, TimeProvider clock, ILogger<OrderCreator> logger, CancellationToken ct)
    {
        TerminalTransaction? transaction;
        await using (var session = store.LightweightSession())
        {
            transaction = await session.Query<TerminalTransaction>().FirstOrDefaultAsync(t => t.ConfirmationNumber == confirmationNumber, ct);
            if (transaction is null)
                return ProblemCodes.NotFound("order.not_found", $"No channel transaction has confirmation number '{confirmationNumber}'.");
            if (transaction.Status == TransactionStatus.Created)
                return ProblemCodes.Conflict("order.created", $"Order {confirmationNumber} is created: there is nothing to force.");
            if (transaction.ForceCompletedAt is null)
            {
                transaction = transaction with { ForceCompletedAt = clock.GetUtcNow() };
                session.Store(transaction);
                await session.SaveChangesAsync(ct);
            }
        }
        try
        {
            await creator.CreateEachAsync(store, [transaction], CreationPath.Batch, ct);
        }
        catch (Exception exception) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("Force-completed {ConfirmationNumber} not created yet ({Reason}); the order-sync job will", confirmationNumber, exception.Message);
        }
        var location = $"/api/orders/{confirmationNumber}";
        return TypedResults.Accepted(location, new ForceCompletionAccepted(confirmationNumber, "Pending", transaction.ForceCompletedAt!.Value, location));
    }

    private static bool IsBrokerAway(Exception exception, CancellationToken ct) =>
        !ct.IsCancellationRequested && exception is RabbitMQ.Client.Exceptions.BrokerUnreachableException
            or RabbitMQ.Client.Exceptions.OperationInterruptedException or RabbitMQ.Client.Exceptions.AlreadyClosedException
            or System.Net.Sockets.SocketException or TimeoutException;

    private static ProblemHttpResult Unavailable(Exception exception) =>
        ProblemCodes.Problem(StatusCodes.Status503ServiceUnavailable, "error_queues.unavailable", $"RabbitMQ cannot be read now: {exception.Message}");
}
