using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;

namespace OmniChannel.IntegrationTests.Infrastructure;

/// <summary>
/// Who a test acts as: a principal of the development identity file (deploy/sample-data/identity.json), signed in at the
/// platform's real token service. A cashier signs in through a terminal's client with the cashier's operator id.
/// </summary>
public sealed record Principal(string Name, string ClientId, string? OperatorId = null)
{
    public static readonly Principal HoustonTerminal = new(nameof(HoustonTerminal), "terminal-houston-1");
    public static readonly Principal HoustonCashier = new(nameof(HoustonCashier), "terminal-houston-1", "1001");
    public static readonly Principal HoustonManager = new(nameof(HoustonManager), "terminal-houston-1", "1002");
    public static readonly Principal SeattleTerminal = new(nameof(SeattleTerminal), "terminal-seattle-1");
    public static readonly Principal SeattleCashier = new(nameof(SeattleCashier), "terminal-seattle-1", "2001");
    public static readonly Principal Storefront = new(nameof(Storefront), "storefront-web-us");
    public static readonly Principal Merchandiser = new(nameof(Merchandiser), "merchandising");
    public static readonly Principal Operator = new(nameof(Operator), "operator-console");

    /// <summary>One of the platform's services, with the secret AppHost generated for its client this run.</summary>
    public static Principal Service(string resource) => new($"Service:{resource}", resource);

    /// <summary>A SEATTLE cashier at a HOUSTON terminal: a sign-in the token service must refuse.</summary>
    public static readonly Principal SeattleCashierAtHouston = new(nameof(SeattleCashierAtHouston), "terminal-houston-1", "2001");

    public override string ToString() => Name;
}

/// <summary>
/// Tokens of the platform's token service, as a terminal or a service gets them (the client-credentials or password
/// grant at its token endpoint), held until a minute before they expire.
/// </summary>
public sealed class PlatformTokens(Uri identity, Func<string, Task<string>> serviceSecret)
{
    private static readonly JsonElement DevelopmentFile =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "deploy", "sample-data", "identity.json"))).RootElement;

    private readonly HttpClient http = new() { BaseAddress = identity, Timeout = TimeSpan.FromSeconds(30) };
    private readonly ConcurrentDictionary<Principal, Task<(string Token, DateTimeOffset Renew)>> held = new();

    /// <summary>The development signing key's PEM and key id, for tests that sign tokens the platform must refuse.</summary>
    public static (string KeyId, string Pem) DevelopmentSigningKey =>
        (DevelopmentFile.GetProperty("signingKey").GetProperty("keyId").GetString()!,
            DevelopmentFile.GetProperty("signingKey").GetProperty("pem").GetString()!);

    public async Task<string> TokenAsync(Principal principal)
    {
        var signIn = held.GetOrAdd(principal, SignInAsync);
        try
        {
            var current = await signIn;
            if (DateTimeOffset.UtcNow < current.Renew)
                return current.Token;
        }
        catch
        {
            held.TryRemove(KeyValuePair.Create(principal, signIn));
            throw;
        }
        held.TryRemove(KeyValuePair.Create(principal, signIn));
        return (await held.GetOrAdd(principal, SignInAsync)).Token;
    }

    /// <summary>The token endpoint's answer as it is (a refused sign-in included).</summary>
    public async Task<HttpResponseMessage> RequestAsync(Principal principal) =>
        await http.PostAsync("/connect/token", new FormUrlEncodedContent(await FormAsync(principal)));

    private async Task<(string, DateTimeOffset)> SignInAsync(Principal principal)
    {
        using var response = await RequestAsync(principal);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"{principal} got no token: {(int)response.StatusCode} {body}");
        var answer = JsonDocument.Parse(body).RootElement;
        return (answer.GetProperty("access_token").GetString()!,
            DateTimeOffset.UtcNow.AddSeconds(answer.GetProperty("expires_in").GetInt32() - 60));
    }

    /// <summary>The principal's token request (client credentials, or the password grant for a cashier), for any token endpoint.</summary>
    public async Task<List<KeyValuePair<string, string>>> FormAsync(Principal principal)
    {
        var secret = Secret("terminals", principal.ClientId) ?? Secret("storefronts", principal.ClientId)
                     ?? Secret("backOffice", principal.ClientId) ?? await serviceSecret(principal.ClientId);
        List<KeyValuePair<string, string>> form = [new("client_id", principal.ClientId), new("client_secret", secret)];
        if (principal.OperatorId is null)
            return [.. form, new("grant_type", "client_credentials")];
        var password = DevelopmentFile.GetProperty("cashiers").EnumerateArray()
            .Single(c => c.GetProperty("operatorId").GetString() == principal.OperatorId).GetProperty("password").GetString()!;
        return [.. form, new("grant_type", "password"), new("username", principal.OperatorId), new("password", password)];
    }

    private static string? Secret(string section, string clientId) => DevelopmentFile.GetProperty(section).EnumerateArray()
        .FirstOrDefault(c => c.GetProperty("clientId").GetString() == clientId) is { ValueKind: JsonValueKind.Object } client
        ? client.GetProperty("secret").GetString()
        : null;
}

/// <summary>Sends every request with the principal's bearer token.</summary>
public sealed class BearerTokenHandler(PlatformTokens tokens, Principal principal) : DelegatingHandler(new SocketsHttpHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization ??= new AuthenticationHeaderValue("Bearer", await tokens.TokenAsync(principal));
        return await base.SendAsync(request, cancellationToken);
    }
}
