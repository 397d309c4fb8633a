using System.Diagnostics;

namespace OmniChannel.AppHost.Infrastructure;

/// <summary>
/// Whether a container engine really runs. Aspire does not ask before it chooses containers: without an engine it
/// reports the runtime unhealthy and everything that waits for a container waits forever. A `docker` client without an
/// engine (this project's CI machines) answers `info` with an error; an engine that hangs is given up after 10 s.
/// </summary>
internal static class ContainerEngine
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public static bool Answers(string? runtime)
    {
        var client = string.IsNullOrEmpty(runtime) ? "docker" : runtime;
        try
        {
            using var info = Process.Start(new ProcessStartInfo(client, ["info", "--format", "{{.ServerVersion}}"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            info.StandardOutput.ReadToEndAsync();
            info.StandardError.ReadToEndAsync();
            if (info.WaitForExit(Patience))
                return info.ExitCode == 0;
            info.Kill(entireProcessTree: true);
            Console.Error.WriteLine($"`{client} info` did not answer within {Patience.TotalSeconds:0} s: running PostgreSQL and RabbitMQ as local processes.");
            return false;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no client installed
        }
    }
}
