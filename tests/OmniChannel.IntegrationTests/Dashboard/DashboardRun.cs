using Microsoft.Playwright;
using OmniChannel.IntegrationTests.Infrastructure;

namespace OmniChannel.IntegrationTests.Dashboard;

/// <summary>
/// The platform exactly as a developer starts it, `dotnet run --project AppHost` (free ports; PostgreSQL and RabbitMQ
/// as local processes with a data folder of this run's own), its dashboard, and a browser to look at it.
/// </summary>
public sealed class DashboardRun : IAsyncLifetime
{
    private DirectoryInfo data = null!;
    private IPlaywright playwright = null!;

    public AppHostRun AppHost { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        data = TestServers.DataFolder("omnichannel-dashboard-");
        AppHost = await AppHostRun.StartAsync(TimeSpan.FromMinutes(10), new Dictionary<string, string>(),
            $"--Infrastructure:DataPath={data.FullName}");
        (playwright, Browser) = await Infrastructure.Browser.LaunchAsync();
    }

    public async Task<IPage> OpenAsync(string path)
    {
        var page = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1600, Height = 1000 } });
        await page.GotoAsync(new Uri(AppHost.Dashboard, path).ToString());
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        playwright?.Dispose();
        if (AppHost is not null)
            await AppHost.DisposeAsync();
        data?.Delete(recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardRun>
{
    public const string Name = "dashboard";
}
