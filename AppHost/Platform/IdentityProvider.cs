using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Hosting;

namespace OmniChannel.AppHost.Platform;

/// <summary>
/// The identity provider whose tokens every service and the gateway accept. In development and tests it is the embedded
/// token service (services/Identity), started before the services; elsewhere the retailer's own provider, whose URL is
/// the <c>identity-authority</c> parameter. Each service gets <c>Identity__Authority</c>, and a client of its own (role
/// <c>service</c>) for its calls to other services: a secret AppHost generates for the run and hands to both sides.
/// </summary>
internal sealed class IdentityProvider(IDistributedApplicationBuilder builder, ReferenceExpression authority, IResourceBuilder<ProjectResource>? tokenService)
{
    /// <summary>The dashboard's own client (role <c>operator</c>), with which its resource commands get a token.</summary>
    public const string DashboardClientId = "dashboard";

    public ReferenceExpression Authority => authority;

    /// <summary>The embedded token service, in development and tests.</summary>
    public IResourceBuilder<ProjectResource>? TokenService => tokenService;

    public IResourceBuilder<ParameterResource> DashboardSecret { get; } = builder.ClientSecret(DashboardClientId, "OperatorClients", tokenService);

    public IResourceBuilder<ParameterResource> ServiceSecret(string clientId) => builder.ClientSecret(clientId, "ServiceClients", tokenService);
}

internal static class IdentityProviders
{
    public static IdentityProvider AddIdentityProvider(this IDistributedApplicationBuilder builder, Func<string, IResourceBuilder<ProjectResource>> tokenService)
    {
        if (!builder.Environment.IsDevelopment())
            return new IdentityProvider(builder, ReferenceExpression.Create($"{builder.AddParameter("identity-authority").Resource}"), null);
        var identity = tokenService("identity");
        var endpoint = identity.GetEndpoint("http");
        // The tokens' issuer is the URL the services are given, whatever host name a client uses to reach it.
        identity.WithEnvironment("Identity__Issuer", endpoint);
        return new IdentityProvider(builder, ReferenceExpression.Create($"{endpoint}"), identity);
    }

    /// <summary>Accepts the provider's tokens (<c>Identity__Authority</c>), once the token service is up.</summary>
    public static IResourceBuilder<ProjectResource> WithIdentity(this IResourceBuilder<ProjectResource> project, IdentityProvider identity)
    {
        project.WithEnvironment("Identity__Authority", identity.Authority);
        return identity.TokenService is { } tokenService ? project.WaitFor(tokenService) : project;
    }

    /// <summary>Calls other services with a token of its own client, named after the resource.</summary>
    public static IResourceBuilder<ProjectResource> WithServiceClient(this IResourceBuilder<ProjectResource> project, IdentityProvider identity) =>
        project.WithIdentity(identity)
            .WithEnvironment("Identity__ClientId", project.Resource.Name)
            .WithEnvironment("Identity__ClientSecret", identity.ServiceSecret(project.Resource.Name));

    /// <summary>
    /// A client secret: generated for the run and registered with the token service in development; given as a parameter
    /// elsewhere, for the client registered with the retailer's provider.
    /// </summary>
    public static IResourceBuilder<ParameterResource> ClientSecret(this IDistributedApplicationBuilder builder, string clientId,
        string section, IResourceBuilder<ProjectResource>? tokenService)
    {
        if (tokenService is null)
            return builder.AddParameter($"{clientId}-client-secret", secret: true);
        var secret = builder.AddParameter($"{clientId}-client-secret", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true);
        tokenService.WithEnvironment($"Identity__{section}__{clientId}", secret);
        return secret;
    }
}
