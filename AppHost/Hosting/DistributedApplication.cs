using Microsoft.Extensions.Configuration;

namespace OmniChannel.AppHost.Hosting;

/// <summary>The built application model, as Aspire's DistributedApplication: RunAsync runs it until Ctrl+C.</summary>
internal sealed class DistributedApplication(IReadOnlyList<Resource> resources, IConfiguration configuration)
{
    public static DistributedApplicationBuilder CreateBuilder(string[] args) => new(args);

    /// <summary>
    /// Runs everything until Ctrl+C or SIGTERM. Returns the process exit code: 0 after a requested stop,
    /// 1 when a resource failed (everything started is stopped again), 2 when nothing could be started.
    /// </summary>
    public async Task<int> RunAsync()
    {
        var console = new ConsoleLog(resources.Select(r => r.Name), ConsoleLog.TerminalWantsColors());
        AppHostOptions options;
        IReadOnlyList<AllocatedEndpoint> endpoints;
        try
        {
            options = AppHostOptions.From(configuration);
            DependencyGraph.DependencyOrder(resources); // an unknown reference or a cycle, before anything else
            var projects = resources.OfType<ProjectResource>().ToList();
            // A dry run starts nothing, so it doesn't care whether the fixed ports are taken right now.
            endpoints = PortAllocator.Allocate(projects, options.DynamicPorts, checkFixedPorts: !options.DryRun);
            if (options.DryRun)
            {
                console.Raw(Plan.Describe(resources, endpoints, options) + Environment.NewLine);
                return 0;
            }
            Preflight.CheckBuilt(projects, options);
        }
        catch (AppHostException e)
        {
            console.Alert(e.Message);
            return 2;
        }

        using var launcher = new ProcessLauncher();
        using var orchestrator = new Orchestrator(resources, endpoints, options, console, launcher);
        using var signals = new ShutdownSignals(console, launcher.KillAll);
        return await orchestrator.RunAsync(signals);
    }
}
