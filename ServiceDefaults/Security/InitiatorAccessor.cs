using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace OmniChannel.ServiceDefaults.Security;

/// <summary>
/// Who started the work of this scope (a request, a consumed message): set by <see cref="InitiatorMiddleware"/> from the
/// request's principal, or by the messaging's consume filter from the message's header, before anything of the scope
/// runs; until then, and in a scope of the service's own (a scheduled job, a recovery), the service itself.
/// </summary>
public sealed class InitiatorAccessor(OwnInitiator own)
{
    /// <summary>The request's or message's initiator; null in a scope of the service's own.</summary>
    public Initiator? Assigned { get; private set; }

    public Initiator Current => Assigned ?? own.Initiator;

    public void Set(Initiator initiator) => Assigned = initiator;
}

/// <summary>
/// This service's own identity as an initiator: its client at the identity provider (<c>Identity:ClientId</c>, the
/// subject of its service token), or its application name where it has none.
/// </summary>
public sealed class OwnInitiator(Initiator initiator)
{
    public Initiator Initiator { get; } = initiator;

    internal static OwnInitiator From(IServiceProvider services)
    {
        var clientId = services.GetService<IConfiguration>()?["Identity:ClientId"];
        var name = string.IsNullOrWhiteSpace(clientId) ? services.GetService<IHostEnvironment>()?.ApplicationName : clientId;
        return new OwnInitiator(Initiator.Service(string.IsNullOrWhiteSpace(name) ? "service" : name));
    }
}

public static class InitiatorServices
{
    /// <summary>The scoped <see cref="InitiatorAccessor"/> and the service's <see cref="OwnInitiator"/> (idempotent).</summary>
    public static IServiceCollection AddInitiators(this IServiceCollection services)
    {
        services.TryAddSingleton(OwnInitiator.From);
        services.TryAddScoped<InitiatorAccessor>();
        return services;
    }
}
