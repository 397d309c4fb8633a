using System.Text.Json;

namespace OmniChannel.IntegrationTests.Infrastructure;

/// <summary>
/// The whole platform as a user runs it: the real AppHost process on free ports, with every service and the
/// gateway as child processes, against the test infrastructure (so AppHost starts no servers of its own).
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public TestInfrastructure Infrastructure { get; private set; } = null!;

    public AppHostProcess AppHost { get; private set; } = null!;

    public HttpClient Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Infrastructure = await TestInfrastructure.StartAsync();
        AppHost = await AppHostProcess.StartAsync(Infrastructure);
        Gateway = new HttpClient { BaseAddress = AppHost.GatewayUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
        if (AppHost is not null)
            await AppHost.DisposeAsync();
        if (Infrastructure is not null)
            await Infrastructure.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}

public static class JsonExtensions
{
    public static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}

public static class HttpClientJsonExtensions
{
    /// <summary>GET that must succeed, as JSON.</summary>
    public static async Task<JsonElement> GetFromJsonElementAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"GET {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }
}
