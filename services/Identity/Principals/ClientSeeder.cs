using OmniChannel.ServiceDefaults.Security;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OmniChannel.Identity.Principals;

/// <summary>
/// Registers the platform's scope and every client of the directory in OpenIddict's store before the service takes
/// requests (hosted services start before the server listens): OpenIddict then authenticates each client by its secret
/// and lets it use only its grants.
/// </summary>
internal sealed class ClientSeeder(IServiceProvider services, PrincipalDirectory directory) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var scopes = scope.ServiceProvider.GetRequiredService<IOpenIddictScopeManager>();
        await scopes.CreateAsync(new OpenIddictScopeDescriptor
        {
            Name = PlatformSecurity.DefaultScope,
            Resources = { PlatformSecurity.DefaultAudience },
        }, cancellationToken);

        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        foreach (var (clientId, secret, maySignInCashiers) in directory.Clients())
        {
            var descriptor = new OpenIddictApplicationDescriptor
            {
                ClientId = clientId,
                ClientSecret = secret,
                ClientType = ClientTypes.Confidential,
                Permissions =
                {
                    Permissions.Endpoints.Token,
                    Permissions.GrantTypes.ClientCredentials,
                    Permissions.Prefixes.Scope + PlatformSecurity.DefaultScope,
                },
            };
            if (maySignInCashiers)
                descriptor.Permissions.Add(Permissions.GrantTypes.Password);
            await applications.CreateAsync(descriptor, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
