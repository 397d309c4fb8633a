using System.Diagnostics;
using System.Text.Json;

namespace OmniChannel.AppHost.Tests;

/// <summary>The real topology of AppHost/Program.cs, read from `--dry-run`, which starts nothing.</summary>
public class TopologyTests
{
    private static readonly string[] Services = ["inventory", "payment", "pickup", "pricing", "order", "order-worker"];

    /// <summary>What the gateway routes to: every service but the Order service's worker, which serves no requests.</summary>
    private static readonly string[] Routed = ["inventory", "payment", "pickup", "pricing", "order"];

    // The AppHost under test was built in the tests' configuration, and runs services built the same way.
    private const string Configuration =
#if DEBUG
        "debug";
#else
        "release";
#endif

    private static async Task<(int ExitCode, string Output)> RunAppHostAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(DistributedApplication).Assembly.Location);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var name in new[] { "ConnectionStrings__postgres", "ConnectionStrings__rabbitmq", "AppHost__Ports" })
            start.Environment.Remove(name);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await output + await error);
    }

    private static async Task<JsonElement> PlanAsync(params string[] args)
    {
        var (code, output) = await RunAppHostAsync(["--dry-run", .. args]);
        Assert.True(code == 0, output);
        return JsonDocument.Parse(output).RootElement;
    }

    private static JsonElement Resource(JsonElement plan, string name) =>
        plan.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("name").GetString() == name);

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    [Fact]
    public async Task Servers_then_services_then_the_gateway_on_the_agreed_ports()
    {
        var plan = await PlanAsync();

        var waves = plan.GetProperty("startWaves").EnumerateArray().Select(Strings).ToList();
        Assert.Equal(["postgres", "rabbitmq"], waves[0]);
        Assert.Equal(Services.Append("processor-emulator").Order(), waves[1].Order());
        Assert.Equal(["gateway"], waves[2]);

        string Url(string name, string endpoint = "http") => Resource(plan, name).GetProperty("urls").GetProperty(endpoint).GetString()!;
        Assert.Equal("http://127.0.0.1:8080", Url("gateway"));
        Assert.Equal("http://127.0.0.1:5101", Url("order"));
        Assert.Equal("http://127.0.0.1:5106", Url("order-worker"));
        Assert.Equal("http://127.0.0.1:5102", Url("inventory"));
        Assert.Equal("http://127.0.0.1:5103", Url("payment"));
        Assert.Equal("http://127.0.0.1:5104", Url("pickup"));
        Assert.Equal("http://127.0.0.1:5105", Url("pricing"));
        Assert.Equal("http://127.0.0.1:5107", Url("processor-emulator"));
        Assert.Equal("http://127.0.0.1:5115", Url("pricing", "grpc"));
    }

    [Fact]
    public async Task Every_service_has_both_servers_and_the_gateway_neither()
    {
        var plan = await PlanAsync();

        foreach (var service in Services)
        {
            var resource = Resource(plan, service);
            Assert.Contains("postgres", Strings(resource.GetProperty("references")));
            Assert.Contains("rabbitmq", Strings(resource.GetProperty("waitsFor")));
            Assert.True(resource.GetProperty("environment").TryGetProperty("ConnectionStrings__postgres", out _), service);
        }
        var gateway = Resource(plan, "gateway");
        Assert.Equal(Routed.Order(), Strings(gateway.GetProperty("references")).Order());
        Assert.Equal(Services.Order(), Strings(gateway.GetProperty("waitsFor")).Order());
        var environment = gateway.GetProperty("environment").EnumerateObject().Select(p => p.Name).ToList();
        Assert.DoesNotContain(environment, name => name.StartsWith("ConnectionStrings__", StringComparison.Ordinal));
        Assert.Contains("services__pricing__grpc__0", environment);
    }

    [Fact]
    public async Task The_order_service_runs_as_its_api_and_its_worker_from_one_project()
    {
        var plan = await PlanAsync();

        var (api, worker) = (Resource(plan, "order"), Resource(plan, "order-worker"));
        Assert.Equal(api.GetProperty("assembly").GetString(), worker.GetProperty("assembly").GetString());
        Assert.Equal("Api", api.GetProperty("environment").GetProperty("Order__Role").GetString());
        Assert.Equal("Worker", worker.GetProperty("environment").GetProperty("Order__Role").GetString());
        Assert.Equal("order-worker", worker.GetProperty("environment").GetProperty("OTEL_SERVICE_NAME").GetString());
        Assert.Contains("services__pricing__grpc__0", worker.GetProperty("environment").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Only_what_a_person_waits_on_gets_a_higher_cpu_priority()
    {
        var plan = await PlanAsync();

        var priorities = plan.GetProperty("resources").EnumerateArray()
            .Where(r => r.GetProperty("cpuPriority").ValueKind == JsonValueKind.Number)
            .ToDictionary(r => r.GetProperty("name").GetString()!, r => r.GetProperty("cpuPriority").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["order"] = -5, ["gateway"] = -5 }, priorities);
    }

    [Fact]
    public async Task Every_project_file_exists_and_runs_from_its_artifacts_folder()
    {
        var plan = await PlanAsync();
        var root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Resource(plan, "order").GetProperty("assembly").GetString()!)!, "../../../.."));

        foreach (var name in Services.Append("gateway"))
        {
            var resource = Resource(plan, name);
            var project = resource.GetProperty("project").GetString()!;
            var projectName = Path.GetFileNameWithoutExtension(project);
            Assert.True(File.Exists(Path.Combine(root, project)), $"{name}: {project} is not in {root}");
            Assert.EndsWith($"/artifacts/bin/{projectName}/{Configuration}/{projectName}.dll".Replace('/', Path.DirectorySeparatorChar),
                resource.GetProperty("assembly").GetString());
        }
    }

    [Fact]
    public async Task Dynamic_ports_move_every_endpoint_gateway_included()
    {
        var plan = await PlanAsync("--ports", "dynamic");

        var ports = plan.GetProperty("resources").EnumerateArray()
            .SelectMany(r => r.GetProperty("urls").EnumerateObject().Select(u => new Uri(u.Value.GetString()!).Port)).ToList();
        Assert.Equal(9, ports.Count);
        Assert.Equal(9, ports.Distinct().Count());
        Assert.DoesNotContain(ports, port => port is 8080 or (>= 5101 and <= 5115));
    }

    [Fact]
    public async Task A_bad_option_stops_it_before_anything_starts()
    {
        var (code, output) = await RunAppHostAsync("--ports", "sometimes");

        Assert.Equal(2, code);
        Assert.Contains("must be 'fixed' or 'dynamic'", output);
    }
}
