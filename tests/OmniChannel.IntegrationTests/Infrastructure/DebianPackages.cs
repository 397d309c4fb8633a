using System.Diagnostics;

namespace OmniChannel.IntegrationTests.Infrastructure;

/// <summary>
/// A Debian package a test needs (chromium, poppler-utils), installed the way the platform's own servers are
/// (deploy/local/packages.sh: apt as root, skipped when <paramref name="binary"/> is already there).
/// </summary>
public static class DebianPackages
{
    public static async Task EnsureAsync(string package, string binary, string neededFor)
    {
        var install = Process.Start(new ProcessStartInfo("bash",
            ["-c", $"OMNI_SERVER={package}; source deploy/local/packages.sh; ensure_package {package} test -x {binary}"])
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardError = true,
        })!;
        var error = await install.StandardError.ReadToEndAsync();
        await install.WaitForExitAsync();
        if (install.ExitCode != 0)
            throw new InvalidOperationException($"Debian's {package} {neededFor}:\n{error}");
    }
}
