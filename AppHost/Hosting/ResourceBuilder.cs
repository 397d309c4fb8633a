namespace OmniChannel.AppHost.Hosting;

/// <summary>Aspire's IResourceBuilder: what AddX returns, so the topology reads as a chain of WithX calls.</summary>
internal interface IResourceBuilder<out T> where T : Resource
{
    T Resource { get; }
}

internal sealed class ResourceBuilder<T>(T resource) : IResourceBuilder<T> where T : Resource
{
    public T Resource { get; } = resource;
}

/// <summary>The subset of Aspire's resource builder extensions OmniChannel uses, with the same names.</summary>
internal static class ResourceBuilderExtensions
{
    /// <summary>
    /// Tells the project about <paramref name="source"/>: <c>ConnectionStrings__{name}</c> for a server,
    /// <c>services__{name}__{endpoint}__0</c> for every endpoint of a project.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithReference(
        this IResourceBuilder<ProjectResource> builder, IResourceBuilder<Resource> source)
    {
        if (!builder.Resource.References.Contains(source.Resource))
            builder.Resource.References.Add(source.Resource);
        return builder;
    }

    /// <summary>Starts the project only once <paramref name="dependency"/> is healthy.</summary>
    public static IResourceBuilder<ProjectResource> WaitFor(
        this IResourceBuilder<ProjectResource> builder, IResourceBuilder<Resource> dependency)
    {
        if (!builder.Resource.WaitsFor.Contains(dependency.Resource))
            builder.Resource.WaitsFor.Add(dependency.Resource);
        return builder;
    }

    /// <summary>
    /// Declares (or, for an existing name, re-declares) an HTTP endpoint. <paramref name="port"/> is the
    /// fixed loopback port used unless AppHost runs with <c>--ports dynamic</c>; null picks a free one.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithHttpEndpoint(
        this IResourceBuilder<ProjectResource> builder, int? port = null, string name = "http", bool http2Only = false)
    {
        var endpoints = builder.Resource.Endpoints;
        var endpoint = new EndpointAnnotation(name, port, http2Only);
        var index = endpoints.FindIndex(e => e.Name == name);
        if (index >= 0) endpoints[index] = endpoint; else endpoints.Add(endpoint);
        return builder;
    }

    /// <summary>Sets an environment variable of the project's process (e.g. a configuration key, <c>Order__Role</c>).</summary>
    public static IResourceBuilder<ProjectResource> WithEnvironment(
        this IResourceBuilder<ProjectResource> builder, string name, string value)
    {
        builder.Resource.Environment[name] = value;
        return builder;
    }

    /// <summary>
    /// Not in Aspire (a deployment gives such processes guaranteed CPU instead): on Linux, where every session is a
    /// scheduling group (autogroup), the nice value of the project's group, e.g. -5 for about three times the default
    /// CPU weight when it and the others want to run at once. For the processes a person waits on, so a busy back
    /// office does not hold up their requests; it changes nothing while the machine has CPU to spare. Lowering the nice
    /// needs root (CAP_SYS_NICE): without it, AppHost says so and the project runs at the default.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithCpuPriority(this IResourceBuilder<ProjectResource> builder, int nice)
    {
        builder.Resource.CpuPriority = Math.Clamp(nice, -20, 19);
        return builder;
    }

    /// <summary>The path that must answer 200 for the project to count as healthy (default /health/ready).</summary>
    public static IResourceBuilder<ProjectResource> WithHttpHealthCheck(
        this IResourceBuilder<ProjectResource> builder, string path)
    {
        builder.Resource.HealthCheckPath = path;
        return builder;
    }
}
