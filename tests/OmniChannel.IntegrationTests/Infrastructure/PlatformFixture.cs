using System.Collections.Concurrent;
using System.Text.Json;

namespace OmniChannel.IntegrationTests.Infrastructure;

/// <summary>The one platform of this test assembly (<see cref="PlatformHost"/>), shared by every test class.</summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    /// <summary>A first run on a fresh machine also installs PostgreSQL and RabbitMQ from Debian's packages.</summary>
    private static readonly TimeSpan StartDeadline = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<(Principal Principal, string Resource), HttpClient> clients = new();

    public PlatformHost Platform { get; private set; } = null!;

    /// <summary>INV-2's test storefront: the webhook endpoint the Inventory service pushes status flags to.</summary>
    public TestStorefront Storefront { get; private set; } = null!;

    /// <summary>The platform once it runs, for what checks every test of the collection (<see cref="ReconcileAfterEachTestAttribute"/>).</summary>
    public static PlatformFixture? Current { get; private set; }

    /// <summary>The gateway without a token: what anybody on the network can do.</summary>
    public HttpClient Gateway { get; private set; } = null!;

    /// <summary>The gateway (or a service's own port) as a principal of the development identity file.</summary>
    public HttpClient As(Principal principal, string resource = "gateway") =>
        clients.GetOrAdd((principal, resource), key => Platform.Client(key.Principal, key.Resource));

    public async Task InitializeAsync()
    {
        // Every test is one client to the gateway's rate limits: room for them all, low enough for RateLimitTests to reach.
        // ORD-10's job every 2 s, not every 5 minutes; issue 13: a channel transaction is overdue after 1 s (OperatorQueueTests),
        // the operators' queues sampled every second.
        // INV-2's push every 2 s to the test storefront, a failed delivery tried again 1 s later.
        Storefront = TestStorefront.Start();
        Platform = await PlatformHost.StartAsync(StartDeadline, ["--Gateway:RateLimits:PerSecond=200", "--Gateway:RateLimits:Burst=400",
            "--Order:AsyncCancellation:Interval=00:00:02",
            "--Order:OperatorQueues:PendingTransactionThreshold=00:00:01", "--Order:OperatorQueues:SampleInterval=00:00:01",
            "--Inventory:StorefrontPush:Interval=00:00:02", "--Inventory:StorefrontPush:FirstRetryDelay=00:00:01",
            .. Storefront.PlatformArguments,
            // PUP-9: the sample storefront "web" (its secret in the Order service's development settings) is told at the test
            // storefront's listener, under its own path, that an order is ready for pickup.
            $"--Storefronts:web:WebhookUrl={Storefront.Url}web"]);
        Gateway = new HttpClient { BaseAddress = Platform.GatewayUrl, Timeout = TimeSpan.FromSeconds(30) };
        Current = this;
    }

    public async Task DisposeAsync()
    {
        Current = null;
        Gateway?.Dispose();
        foreach (var client in clients.Values)
            client.Dispose();
        if (Platform is not null)
            await Platform.DisposeAsync();
        if (Storefront is not null)
            await Storefront.DisposeAsync();
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
