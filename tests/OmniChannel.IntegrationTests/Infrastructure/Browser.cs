using System.Diagnostics;
using Microsoft.Playwright;

namespace OmniChannel.IntegrationTests.Infrastructure;

/// <summary>
/// Debian's chromium driven by Playwright (never a browser Playwright downloads: this machine reaches only package
/// registries). Installed first when missing and the user is root, as the servers are (deploy/local/packages.sh).
/// </summary>
public static class Browser
{
    private const string Chromium = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(Chromium))
            await InstallAsync();
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            // No sandbox as root; nothing that reaches out to Google's hosts, which this machine cannot reach.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        return (playwright, browser);
    }

    /// <summary>Where the dashboard tests keep their screenshots: artifacts/screenshots, and OMNICHANNEL_SCREENSHOTS (e.g. docs).</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        foreach (var folder in new[] { Path.Combine(RepositoryPaths.Root, "artifacts", "screenshots"), Environment.GetEnvironmentVariable("OMNICHANNEL_SCREENSHOTS") })
            if (!string.IsNullOrEmpty(folder))
                await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetFullPath(folder, RepositoryPaths.Root), name) });
    }

    private static async Task InstallAsync()
    {
        await DebianPackages.EnsureAsync("chromium", "/usr/bin/chromium", "is needed for the dashboard tests");
    }
}
