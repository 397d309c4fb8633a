namespace OmniChannel.AppHost.Hosting;

/// <summary>A node of the application model, as in Aspire: something AppHost runs or hands out.</summary>
internal abstract class Resource(string name)
{
    public string Name { get; } = name;

    /// <summary>Shown in the table and the state file: postgres, rabbitmq or project.</summary>
    public abstract string Type { get; }

    /// <summary>What this resource is told about (connection strings, service URLs): Aspire's WithReference.</summary>
    public List<Resource> References { get; } = [];

    /// <summary>What must be healthy before this resource starts: Aspire's WaitFor.</summary>
    public List<Resource> WaitsFor { get; } = [];

    public override string ToString() => Name;
}

/// <summary>Lifecycle of a resource as shown in the table and written to the state file.</summary>
internal enum ResourceState
{
    /// <summary>Declared; waiting for what it WaitsFor.</summary>
    Waiting,
    /// <summary>Process launched (or infra being brought up); not yet healthy.</summary>
    Starting,
    /// <summary>Healthy: /health/ready answered 200 (a connection resource accepts TCP connections).</summary>
    Running,
    /// <summary>The process answers its health check with something other than 200.</summary>
    Unhealthy,
    /// <summary>Crashed after it was healthy; will be launched again after a back-off.</summary>
    Restarting,
    Stopping,
    /// <summary>Stopped by AppHost.</summary>
    Exited,
    /// <summary>Exited or stayed unhealthy before it ever became healthy.</summary>
    Failed,
}
