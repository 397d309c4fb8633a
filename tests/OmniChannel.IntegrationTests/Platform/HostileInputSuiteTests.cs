using OmniChannel.HostileInput.Engine;
using OmniChannel.IntegrationTests.Infrastructure;

namespace OmniChannel.IntegrationTests.Platform;

/// <summary>
/// The hostile-input run of tests/OmniChannel.HostileInput with a smaller count: generated hostile requests to every
/// route the OpenAPI documents describe answer 4xx problem details with a code, never 5xx, only with a status the
/// operation's document declares, and change no table.
/// </summary>
[Collection(PlatformCollection.Name)]
public class HostileInputSuiteTests(PlatformFixture platform)
{
    [Fact]
    public async Task Hostile_requests_to_every_route_are_refused_with_problems_and_change_nothing()
    {
        HostileClient[] clients =
        [
            new("anonymous", platform.Gateway), new("cashier", platform.As(Principal.HoustonCashier)),
            new("storefront", platform.As(Principal.Storefront)), new("merchandiser", platform.As(Principal.Merchandiser)),
        ];
        var report = await HostileRun.RunAsync(platform.Gateway, clients,
            await platform.Platform.ConnectionStringAsync("postgres"), count: 800, seed: 7, CancellationToken.None);

        Assert.True(report.Passed, report.Summary());
    }
}
