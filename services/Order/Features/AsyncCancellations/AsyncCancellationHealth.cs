using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace OmniChannel.Order.Features.AsyncCancellations;

/// <summary>
/// Degraded while a pending asynchronous cancellation, or one waiting for an operator, is older than its objective
/// (<see cref="AsyncCancellationOptions.Objective"/>): the dashboard shows the worker yellow, and the on-call operator
/// looks at the queue (GET /operations/async-cancellations). It reads the job's last sample, never the database.
/// </summary>
public sealed class AsyncCancellationHealth(IOptions<AsyncCancellationOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (OrderMetrics.AsyncCancellationSample is not { } queue)
            return Task.FromResult(HealthCheckResult.Healthy("The asynchronous cancellation job has not sampled its queue yet."));
        var objective = options.Value.Objective.TotalSeconds;
        var data = new Dictionary<string, object> { ["pending"] = queue.Pending, ["failed"] = queue.Failed };
        if (queue.OldestFailedSeconds > objective)
            return Task.FromResult(HealthCheckResult.Degraded(
                $"{queue.Failed} asynchronous cancellation(s) failed permanently and wait for an operator, the oldest for {queue.OldestFailedSeconds:0} s.", data: data));
        if (queue.OldestPendingSeconds > objective)
            return Task.FromResult(HealthCheckResult.Degraded(
                $"{queue.Pending} asynchronous cancellation(s) are not applied yet, the oldest for {queue.OldestPendingSeconds:0} s.", data: data));
        return Task.FromResult(HealthCheckResult.Healthy($"{queue.Pending} pending, {queue.Failed} waiting for an operator.", data));
    }
}
