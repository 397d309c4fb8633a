using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace OmniChannel.Order.Features.OperatorQueues;

/// <summary>
/// Degraded while an operator's queue is older than its objective (<see cref="OperatorQueueOptions"/>): a channel
/// transaction overdue for its order, a permanent failure left unresolved, a message left in an error queue; or while the
/// error queues cannot be read. The on-call operator then looks at <c>/operations/*</c> of the order worker. It reads the
/// monitor's last sample, never the database or the broker; it is on /health/ready, whose status stays 200 when degraded.
/// </summary>
public sealed class OperatorQueueHealth(OperatorQueueMonitor monitor, IOptions<OperatorQueueOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Check(monitor.Last, options.Value));

    /// <summary>The rule, pure: each queue against its objective.</summary>
    public static HealthCheckResult Check(OperatorQueueSample? sample, OperatorQueueOptions objectives)
    {
        if (sample is null)
            return HealthCheckResult.Healthy("The operators' queues have not been sampled yet.");
        var late = new List<string>();
        if (sample.OverdueTransactions.Count > 0)
            late.Add($"{sample.OverdueTransactions.Count} channel transaction(s) without their order for over "
                     + $"{objectives.PendingTransactionThreshold.TotalSeconds:0} s (GET /operations/pending-transactions)");
        if (sample.PermanentFailures.OldestAgeSeconds > objectives.PermanentFailureObjective.TotalSeconds)
            late.Add($"{sample.PermanentFailures.Count} permanent failure(s), the oldest unresolved for {sample.PermanentFailures.OldestAgeSeconds:0} s "
                     + "(GET /operations/permanent-failures)");
        foreach (var queue in sample.ErrorQueues.Where(q => q.Count > 0 && q.OldestAgeSeconds > objectives.ErrorQueueObjective.TotalSeconds))
            late.Add($"{queue.Count} message(s) in {queue.Queue}, the oldest for {queue.OldestAgeSeconds:0} s (GET /operations/error-queues)");
        if (sample.ErrorQueuesUnreadable is { } why)
            late.Add($"the error queues cannot be read: {why}");
        var data = new Dictionary<string, object>
        {
            ["overdueTransactions"] = sample.OverdueTransactions.Count,
            ["permanentFailures"] = sample.PermanentFailures.Count,
            ["errorQueueMessages"] = sample.ErrorQueues.Sum(q => q.Count),
        };
        return late.Count == 0
            ? HealthCheckResult.Healthy("No operator's queue is older than its objective.", data)
            : HealthCheckResult.Degraded(string.Join("; ", late) + ".", data: data);
    }
}
