using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OmniChannel.IntegrationTests.Infrastructure;
using OmniChannel.PaymentToken.Connectors;

namespace OmniChannel.ProcessorEmulator.Tests.Infrastructure;

/// <summary>
/// The emulator as its Program composes it, on a free loopback port, on PostgreSQL of this run's own
/// (<see cref="TestServers"/>, or a database of its own on the server ConnectionStrings__postgres names).
/// </summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public const string Merchant = "OMNI-US-001";

    private readonly List<IDisposable> hosts = [];
    private TestServers servers = null!;
    private WebApplication emulator = null!;

    public Uri Url { get; private set; } = null!;

    /// <summary>The emulator's API without a connector, as a terminal (tokenize) or a hostile caller sees it.</summary>
    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        servers = await TestServers.StartAsync(TimeSpan.FromMinutes(10)); // a fresh machine installs them first
        emulator = await StartAsync(servers.Postgres);
        Url = new Uri(emulator.Urls.Single());
        Client = new HttpClient { BaseAddress = Url };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        foreach (var host in hosts)
            host.Dispose();
        await emulator.DisposeAsync();
        await servers.DisposeAsync();
    }

    /// <summary>Payment-Token's connectors, registered as its Program registers them, on <paramref name="processor"/> (the emulator by default).</summary>
    public IConnectors Connectors(Uri? processor = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Payments:Processor:Url"] = (processor ?? Url).ToString();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddServiceDefaults();
        builder.AddHttpConnectors();
        var host = builder.Build();
        hosts.Add(host);
        return host.Services.GetRequiredService<IConnectors>();
    }

    public IPaymentConnector Connector(string merchant = Merchant, Uri? processor = null) =>
        Connectors(processor).For("TestConnector.CardNotPresent", merchant, cardPresent: false);

    private static async Task<WebApplication> StartAsync(string postgres)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["Kestrel:Endpoints:http:Url"] = "http://127.0.0.1:0"; // not the port of its appsettings.json
        builder.Configuration["ConnectionStrings:postgres"] = postgres;
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddServiceDefaults();
        builder.AddProcessorEmulator();
        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapProcessorEmulator();
        await app.StartAsync();
        return app;
    }
}

[CollectionDefinition(Name)]
public sealed class EmulatorCollection : ICollectionFixture<EmulatorFixture>
{
    public const string Name = "emulator";
}
