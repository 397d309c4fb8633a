namespace OmniChannel.Order;

/// <summary>
/// Which part of the Order service a process runs (configuration <c>Order:Role</c>). The terminal's request is
/// latency work and the saga is throughput work; run apart, the terminals' requests do not wait in one process (and
/// one thread pool) behind the saga's backlog, and each part can be scaled on its own. Both share the same database
/// and broker.
/// </summary>
public enum OrderRole
{
    /// <summary>Everything in one process (the default, e.g. <c>dotnet run --project services/Order</c>).</summary>
    All,

    /// <summary>The HTTP API (order taking, queries, operator commands) and the real-time order creation (ORD-9).</summary>
    Api,

    /// <summary>The order saga, the master-data consumers and the order-sync job (ORD-9's batch fallback).</summary>
    Worker,
}

public static class OrderRoles
{
    public static OrderRole Of(IConfiguration configuration) =>
        configuration.GetValue("Order:Role", OrderRole.All);

    public static bool ServesApi(this OrderRole role) => role != OrderRole.Worker;

    public static bool RunsSaga(this OrderRole role) => role != OrderRole.Api;
}
