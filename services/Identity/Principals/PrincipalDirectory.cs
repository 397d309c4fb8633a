using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using OmniChannel.ServiceDefaults.Security;
using Microsoft.IdentityModel.Tokens;

namespace OmniChannel.Identity.Principals;

/// <summary>
/// Who may ask for a token: the sample principals of the dev file (<c>deploy/sample-data/identity.json</c>: terminals,
/// cashiers, storefronts, the back office) and the clients AppHost hands secrets to for the run
/// (<c>Identity:ServiceClients:&lt;service&gt;</c>, <c>Identity:OperatorClients:&lt;name&gt;</c>).
/// </summary>
public sealed record PrincipalDirectory(
    [property: JsonPropertyName("signingKey")] SigningKeyFile SigningKeyFile,
    IReadOnlyList<TerminalClient> Terminals,
    IReadOnlyList<Cashier> Cashiers,
    IReadOnlyList<StorefrontClient> Storefronts,
    IReadOnlyList<RoleClient> BackOffice)
{
    /// <summary>deploy/sample-data/identity.json, copied next to the service.</summary>
    public static readonly string FilePath = Path.Combine(AppContext.BaseDirectory, "sample-data", "identity.json");

    /// <summary>Every OAuth client with its secret (the cashiers sign in through their terminal's client).</summary>
    public IEnumerable<(string ClientId, string Secret, bool MaySignInCashiers)> Clients() =>
        Terminals.Select(t => (t.ClientId, t.Secret, true))
            .Concat(Storefronts.Select(s => (s.ClientId, s.Secret, false)))
            .Concat(BackOffice.Select(b => (b.ClientId, b.Secret, false)));

    public SecurityKey SigningKey()
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(SigningKeyFile.Pem);
        return new RsaSecurityKey(rsa) { KeyId = SigningKeyFile.KeyId };
    }

    public static PrincipalDirectory Load(IConfiguration configuration)
    {
        using var file = File.OpenRead(FilePath);
        var sample = JsonSerializer.Deserialize<PrincipalDirectory>(file, new JsonSerializerOptions(JsonSerializerDefaults.Web))
                     ?? throw new InvalidOperationException($"{FilePath} is empty.");
        return sample with
        {
            BackOffice =
            [
                .. sample.BackOffice,
                .. Provided(configuration, "ServiceClients", PlatformRoles.Service),
                .. Provided(configuration, "OperatorClients", PlatformRoles.Operator),
            ],
        };
    }

    private static IEnumerable<RoleClient> Provided(IConfiguration configuration, string section, string role) =>
        configuration.GetSection($"Identity:{section}").GetChildren()
            .Where(client => !string.IsNullOrEmpty(client.Value))
            .Select(client => new RoleClient(client.Key, client.Value!, role));
}

public sealed record SigningKeyFile(string KeyId, string Pem);

/// <summary>A point-of-sale device of one store (client credentials); its cashiers sign in through it.</summary>
public sealed record TerminalClient(string ClientId, string Secret, string StoreId, string TerminalId);

/// <summary>A cashier (operator id and password), allowed at the terminals of their stores, in a permission group.</summary>
public sealed record Cashier(string OperatorId, string Name, string Password, string PermissionGroup, IReadOnlyList<string> StoreIds);

public sealed record StorefrontClient(string ClientId, string Secret, string StorefrontId);

/// <summary>A client with one role and no other claim: an operator, a merchandiser, one of the platform's services.</summary>
public sealed record RoleClient(string ClientId, string Secret, string Role);
