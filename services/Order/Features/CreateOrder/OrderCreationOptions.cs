namespace OmniChannel.Order.Features.CreateOrder;

/// <summary>Configuration section <c>OrderCreation</c> (ORD-9).</summary>
public sealed class OrderCreationOptions
{
    /// <summary>How long the real-time path may take for one batch of orders before it counts as failed.</summary>
    public TimeSpan RealTimeBudget { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the order-sync job looks for transactions whose order is not created yet.</summary>
    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The sync job leaves a transaction this long to the real-time path before taking it.</summary>
    public TimeSpan SyncGrace { get; set; } = TimeSpan.FromSeconds(3);

    public int SyncBatchSize { get; set; } = 200;

    /// <summary>
    /// Drill: the real-time path fails every time, so the batch fallback does the work. Set
    /// <c>OrderCreation__RealTimeFails=true</c>, or switch it at run time with the dashboard's "Real-time failure drill"
    /// command on the <c>order</c> resource (PUT /operations/real-time-drill with an operator's token).
    /// </summary>
    public bool RealTimeFails { get; set; }
}
