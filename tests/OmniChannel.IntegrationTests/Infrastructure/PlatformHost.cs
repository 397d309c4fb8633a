using System.Text;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OmniChannel.IntegrationTests.Infrastructure;

/// <summary>
/// The whole platform as AppHost describes it, started with Aspire.Hosting.Testing: every port chosen free (so it runs
/// beside a developer's platform), PostgreSQL and RabbitMQ started as AppHost starts them (here: local processes with a
/// data folder of this run's own, deleted afterwards), a deadline on the start. With ConnectionStrings__postgres and
/// __rabbitmq set, those servers are used (a new database per run on the PostgreSQL server; the RabbitMQ virtual host as
/// given) and nothing else is started. Shared by the integration tests (one platform per test assembly) and the
/// benchmarks.
/// </summary>
public sealed class PlatformHost : IAsyncDisposable
{
    private readonly DirectoryInfo data;
    private readonly Func<Task> dropDatabase;
    private PlatformTokens? tokens;

    private PlatformHost(DistributedApplication app, DirectoryInfo data, Func<Task> dropDatabase)
    {
        App = app;
        this.data = data;
        this.dropDatabase = dropDatabase;
    }

    public DistributedApplication App { get; }

    public Uri GatewayUrl => App.GetEndpoint("gateway", "http");

    /// <summary>Tokens of the platform's own token service, for any principal.</summary>
    public PlatformTokens Tokens => tokens ??= new PlatformTokens(App.GetEndpoint("identity", "http"), ServiceSecretAsync);

    /// <summary>An HttpClient of a principal (its bearer token on every request), to the gateway or a service's own port.</summary>
    public HttpClient Client(Principal principal, string resource = "gateway") =>
        new(new BearerTokenHandler(Tokens, principal)) { BaseAddress = Endpoint(resource), Timeout = TimeSpan.FromSeconds(30) };

    public static async Task<PlatformHost> StartAsync(TimeSpan deadline, params string[] args)
    {
        var data = TestServers.DataFolder("omnichannel-platform-");
        var (database, dropDatabase) = await OwnDatabaseAsync();
        using var timeout = new CancellationTokenSource(deadline);
        // Resource logging off: every service's console would be streamed into this process as it is written (CPU the
        // benchmarks would measure); ConsoleOutputAsync reads the consoles from DCP when asked.
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.OmniChannel_AppHost>(
            [$"--Infrastructure:DataPath={data.FullName}", .. database, .. args],
            (options, _) => options.EnableResourceLogging = false, timeout.Token);
        // Health checks fail while resources start and stop; the resources' states say what matters.
        builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.Critical));
        // No dashboard here, so nothing would receive the services' telemetry: exporters retrying an address where nobody
        // listens cost CPU (that the benchmarks would measure) and memory.
        foreach (var resource in builder.Resources)
            foreach (var exporter in resource.Annotations.OfType<OtlpExporterAnnotation>().ToList())
                resource.Annotations.Remove(exporter);
        var app = await builder.BuildAsync(timeout.Token);
        var platform = new PlatformHost(app, data, dropDatabase);
        try
        {
            await app.StartAsync(timeout.Token);
            await app.ResourceNotifications.WaitForResourceHealthyAsync("gateway", timeout.Token);
        }
        catch (Exception exception)
        {
            var states = await platform.ResourceStatesAsync();
            await platform.DisposeAsync();
            throw new InvalidOperationException(timeout.IsCancellationRequested
                ? $"The platform was not up within {deadline.TotalSeconds:0} s.\n{states}"
                : $"The platform could not start.\n{states}", exception);
        }
        return platform;
    }

    public Uri Endpoint(string resource, string endpoint = "http") => App.GetEndpoint(resource, endpoint);

    public async Task<string> ConnectionStringAsync(string resource) =>
        await App.GetConnectionStringAsync(resource) ?? throw new InvalidOperationException($"{resource} has no connection string.");

    /// <summary>
    /// The process of a project resource. DCP runs a project as `dotnet run --no-build`, which starts the service as its
    /// child: the resource's pid is that of `dotnet run`, and the service is its only child.
    /// </summary>
    public int ServiceProcessId(string resource)
    {
        var runner = RunnerProcessId(resource);
        var children = File.ReadAllText($"/proc/{runner}/task/{runner}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return children.Length == 1
            ? int.Parse(children[0])
            : throw new InvalidOperationException($"{resource}: `dotnet run` (pid {runner}) has {children.Length} child processes, not one.");
    }

    /// <summary>Waits until a project resource runs a service process (a new one, when <paramref name="not"/> is given) and is healthy.</summary>
    public async Task<int> WaitForServiceAsync(string resource, TimeSpan deadline, int? not = null)
    {
        using var timeout = new CancellationTokenSource(deadline);
        // After a start of a resource that had exited, its last snapshot may still say Exited when the wait begins: a
        // restart waits through that (until the deadline) instead of taking the old state for a failed start.
        await App.ResourceNotifications.WaitForResourceHealthyAsync(resource,
            not is null ? WaitBehavior.StopOnResourceUnavailable : WaitBehavior.WaitOnResourceUnavailable, timeout.Token);
        return await Poll.UntilValueAsync<int>(() =>
        {
            try
            {
                var pid = ServiceProcessId(resource);
                return Task.FromResult<int?>(pid == not ? null : pid);
            }
            catch (Exception exception) when (exception is IOException or InvalidOperationException)
            {
                return Task.FromResult<int?>(null); // `dotnet run` has not started the service yet
            }
        }, deadline, $"{resource} to run a service process");
    }

    /// <summary>
    /// Starts a project resource again once its process has died, as an operator does with the dashboard's Start
    /// command: DCP does not restart a process that exits, and the dashboard shows the resource Exited until then.
    /// The id of the new service process, once it is healthy.
    /// </summary>
    public async Task<int> StartAgainAsync(string resource, int deadProcess, TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        await App.ResourceNotifications.WaitForResourceAsync(resource,
            e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), timeout.Token);
        var started = await ExecuteCommandAsync(resource, KnownResourceCommands.StartCommand);
        if (!started.Success)
            throw new InvalidOperationException($"Starting {resource} again failed: {started.Message}");
        // Seen in CI: the health wait began on the snapshot of the exited process and gave up at once ("failed to start").
        await App.ResourceNotifications.WaitForResourceAsync(resource,
            e => !KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), timeout.Token);
        return await WaitForServiceAsync(resource, deadline, not: deadProcess);
    }

    /// <summary>An Aspire resource command, as an operator runs it from the dashboard.</summary>
    public async Task<ExecuteCommandResult> ExecuteCommandAsync(string resource, string command, params (string Name, string Value)[] arguments)
    {
        var commands = App.Services.GetRequiredService<ResourceCommandService>();
        if (arguments.Length == 0)
            return await commands.ExecuteCommandAsync(resource, command);
        var inputs = new InteractionInputCollection(arguments
            .Select(a => new InteractionInput { Name = a.Name, InputType = InputType.Text, Value = a.Value }).ToList());
        return await commands.ExecuteCommandAsync(resource, command, inputs);
    }

    /// <summary>Every line the resources wrote to their consoles so far (what the dashboard's console logs show).</summary>
    public async Task<string> ConsoleOutputAsync()
    {
        var logs = App.Services.GetRequiredService<ResourceLoggerService>();
        var output = new StringBuilder();
        foreach (var resource in App.Services.GetRequiredService<DistributedApplicationModel>().Resources)
            await foreach (var batch in logs.GetAllAsync(resource))
                foreach (var line in batch)
                    output.AppendLine(line.Content);
        return output.ToString();
    }

    /// <summary>The secret AppHost generated for a service's client this run (a parameter of the app model).</summary>
    private async Task<string> ServiceSecretAsync(string clientId)
    {
        var parameter = App.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ParameterResource>()
            .SingleOrDefault(p => p.Name == $"{clientId}-client-secret")
            ?? throw new InvalidOperationException($"No client named {clientId} in the development identity file or AppHost.");
        return await parameter.GetValueAsync(CancellationToken.None)
               ?? throw new InvalidOperationException($"{parameter.Name} has no value.");
    }

    private int RunnerProcessId(string resource) =>
        App.ResourceNotifications.TryGetCurrentState(resource, out var current)
        && current.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } pid
            ? Convert.ToInt32(pid)
            : throw new InvalidOperationException($"{resource} has no process.");

    /// <summary>Each resource's state; the last lines of any that ended.</summary>
    private async Task<string> ResourceStatesAsync()
    {
        var report = new StringBuilder();
        var logs = App.Services.GetRequiredService<ResourceLoggerService>();
        foreach (var resource in App.Services.GetRequiredService<DistributedApplicationModel>().Resources)
        {
            if (!App.ResourceNotifications.TryGetCurrentState(resource.Name, out var current))
                continue;
            var state = current.Snapshot.State?.Text;
            report.AppendLine($"{resource.Name}: {state} {current.Snapshot.HealthStatus}");
            if (!KnownResourceStates.TerminalStates.Contains(state))
                continue;
            var lines = new List<string>();
            await foreach (var batch in logs.GetAllAsync(resource))
                lines.AddRange(batch.Select(l => l.Content));
            foreach (var line in lines.TakeLast(15))
                report.AppendLine($"    {line}");
        }
        return report.ToString();
    }

    /// <summary>With a PostgreSQL server given by the environment, a database of this run's own on it.</summary>
    private static async Task<(string[] Arguments, Func<Task> Drop)> OwnDatabaseAsync()
    {
        if (Environment.GetEnvironmentVariable("ConnectionStrings__postgres") is not { } server)
            return ([], () => Task.CompletedTask);
        var (database, drop) = await TestServers.AddDatabaseAsync(server);
        return ([$"--ConnectionStrings:postgres={database}"], drop);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await App.StopAsync();
            await App.DisposeAsync();
            await dropDatabase();
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }
}
