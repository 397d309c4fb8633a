using System.Net.Http.Headers;
using System.Text.Json;

namespace OmniChannel.Pricing.Benchmarks;

/// <summary>
/// A client of the gateway with the token of a development principal (deploy/sample-data/identity.json) from the
/// platform's token service, client credentials; an hour's token outlasts a benchmark.
/// </summary>
internal static class DevelopmentTokens
{
    public static async Task<HttpClient> ClientAsync(Uri gateway, Uri identity, string section, string clientId)
    {
        var file = JsonDocument.Parse(await File.ReadAllTextAsync(FindFile())).RootElement;
        var secret = file.GetProperty(section).EnumerateArray().Single(c => c.GetProperty("clientId").GetString() == clientId)
            .GetProperty("secret").GetString()!;
        using var tokens = new HttpClient { BaseAddress = identity };
        using var response = await tokens.PostAsync("/connect/token", new FormUrlEncodedContent(
            [new("grant_type", "client_credentials"), new("client_id", clientId), new("client_secret", secret)]));
        response.EnsureSuccessStatusCode();
        var token = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString();
        var client = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static string FindFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Path.Combine(dir.FullName, "deploy", "sample-data", "identity.json") is var path && File.Exists(path))
                return path;
        throw new InvalidOperationException("No deploy/sample-data/identity.json above the benchmark.");
    }
}
