namespace OmniChannel.Order.Features.OperatorQueues;

/// <summary>Configuration section <c>OperatorQueues</c> of the order worker (issue 13: what operators see and act on).</summary>
public sealed class OperatorQueueOptions
{
    public const string Section = "OperatorQueues";

    /// <summary>A channel transaction whose order is not created this long after it arrived is overdue: listed, and it degrades the health check.</summary>
    public TimeSpan PendingTransactionThreshold { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A permanent failure left unresolved this long degrades the health check.</summary>
    public TimeSpan PermanentFailureObjective { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A message left in an error queue this long degrades the health check.</summary>
    public TimeSpan ErrorQueueObjective { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often the queues are sampled for the gauges and the health check.</summary>
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The services whose receive queues the error-queue view looks at (each writes them down: ServiceDefaults' QueueDirectory).</summary>
    public string[] Services { get; set; } = ["order", "inventory", "payment", "pickup", "pricing"];
}
