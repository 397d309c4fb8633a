using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OmniChannel.Order.Features.OperatorQueues;
using RabbitMQ.Client;

namespace OmniChannel.UnitTests.Order;

/// <summary>Issue 13 point 6: each operator's queue against its objective, and what an error-queue message shows.</summary>
public class OperatorQueueTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private static readonly OperatorQueueOptions Objectives = new()
    {
        PendingTransactionThreshold = TimeSpan.FromMinutes(15), PermanentFailureObjective = TimeSpan.FromHours(1), ErrorQueueObjective = TimeSpan.FromMinutes(30),
    };

    private static OperatorQueueSample Sample(int overdue = 0, int failures = 0, double failureAge = 0, IReadOnlyList<QueueSample>? errors = null,
        string? unreadable = null) =>
        new(Now, new QueueSample("pending-transactions", overdue, overdue > 0 ? 1_000 : 0), new QueueSample("permanent-failures", failures, failureAge),
            errors ?? [], unreadable);

    [Fact]
    public void Empty_queues_and_queues_younger_than_their_objective_are_healthy()
    {
        Assert.Equal(HealthStatus.Healthy, OperatorQueueHealth.Check(null, Objectives).Status);
        Assert.Equal(HealthStatus.Healthy, OperatorQueueHealth.Check(Sample(), Objectives).Status);
        Assert.Equal(HealthStatus.Healthy, OperatorQueueHealth.Check(Sample(failures: 2, failureAge: 3_599,
            errors: [new QueueSample("order-order-state_error", 1, 1_799)]), Objectives).Status);
    }

    [Fact]
    public void A_transaction_past_the_threshold_degrades_the_health()
    {
        var result = OperatorQueueHealth.Check(Sample(overdue: 3), Objectives);
        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("3 channel transaction(s)", result.Description);
        Assert.Equal(3, result.Data["overdueTransactions"]);
    }

    [Fact]
    public void A_permanent_failure_or_an_error_message_older_than_its_objective_degrades_the_health()
    {
        Assert.Equal(HealthStatus.Degraded, OperatorQueueHealth.Check(Sample(failures: 1, failureAge: 3_601), Objectives).Status);
        var errors = OperatorQueueHealth.Check(Sample(errors: [new QueueSample("payment-capture-deposit_error", 2, 1_801)]), Objectives);
        Assert.Equal(HealthStatus.Degraded, errors.Status);
        Assert.Contains("payment-capture-deposit_error", errors.Description);
    }

    [Fact]
    public void Error_queues_that_cannot_be_read_degrade_the_health_rather_than_count_as_empty()
    {
        var result = OperatorQueueHealth.Check(Sample(unreadable: "None of the specified endpoints were reachable"), Objectives);
        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("cannot be read", result.Description);
    }

    [Fact]
    public void An_error_queue_message_shows_its_type_source_queue_and_reason_from_MassTransit_headers_never_its_body()
    {
        var properties = new BasicProperties
        {
            MessageId = "0b5e0000-1d2e-7c2a-08de-3a4c5f6e7a8b",
            Headers = new Dictionary<string, object?>
            {
                ["MT-Fault-InputAddress"] = Encoding.UTF8.GetBytes("rabbitmq://127.0.0.1:56729/order-order-state"),
                ["MT-Fault-Message"] = Encoding.UTF8.GetBytes(new string('x', 600)),
                ["MT-Fault-ExceptionType"] = Encoding.UTF8.GetBytes("System.InvalidOperationException"),
                ["MT-Fault-MessageType"] = Encoding.UTF8.GetBytes("urn:message:OmniChannel.Contracts.Inventory:StockReserved"),
                ["MT-Fault-Timestamp"] = Encoding.UTF8.GetBytes("2026-12-07T11:30:00.0000000Z"),
            },
        };
        var got = new BasicGetResult(7, false, "", "order-order-state_error", 0, properties, Encoding.UTF8.GetBytes("{\"email\":\"karen.berg@example.com\"}"));

        var message = ErrorQueues.Describe("order-order-state_error", got);

        Assert.Equal(("0b5e0000-1d2e-7c2a-08de-3a4c5f6e7a8b", "order-order-state", "urn:message:OmniChannel.Contracts.Inventory:StockReserved"),
            (message.MessageId, message.SourceQueue, message.MessageType));
        Assert.Equal(500, message.FaultReason!.Length);
        Assert.Equal(Now.AddMinutes(-30), message.FailedAt);
        Assert.DoesNotContain("karen", System.Text.Json.JsonSerializer.Serialize(message));
    }
}
