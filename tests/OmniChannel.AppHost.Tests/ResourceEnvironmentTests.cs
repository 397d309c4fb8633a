namespace OmniChannel.AppHost.Tests;

public class ResourceEnvironmentTests
{
    private static readonly Guid Instance = Guid.Parse("11111111-2222-3333-4444-555555555555");

    private static readonly Dictionary<string, string> Servers = new()
    {
        ["postgres"] = "Host=127.0.0.1;Port=54329;Username=postgres;Password=secret;Database=omnichannel",
        ["rabbitmq"] = "amqp://guest:guest@127.0.0.1:56729/",
    };

    private static IReadOnlyDictionary<string, string?> EnvironmentOf(string name, Dictionary<string, string>? host = null)
    {
        var builder = Model.OmniChannel();
        var endpoints = PortAllocator.Allocate(builder.Resources.OfType<ProjectResource>(), dynamicPorts: false, checkFixedPorts: false);
        var context = new EnvironmentContext(endpoints, Servers, host ?? [], AppHostPid: 42, ColorConsole: false);
        return ResourceEnvironment.For(builder.Get<ProjectResource>(name), context, Instance);
    }

    [Fact]
    public void A_service_gets_its_servers_its_endpoint_and_its_telemetry_identity()
    {
        var env = EnvironmentOf("inventory");

        Assert.Equal(Servers["postgres"], env["ConnectionStrings__postgres"]);
        Assert.Equal(Servers["rabbitmq"], env["ConnectionStrings__rabbitmq"]);
        Assert.Equal("http://127.0.0.1:5102", env["Kestrel__Endpoints__http__Url"]);
        Assert.Equal("inventory", env["OTEL_SERVICE_NAME"]);
        Assert.Equal("service.instance.id=11111111-2222-3333-4444-555555555555", env["OTEL_RESOURCE_ATTRIBUTES"]);
        Assert.Equal("Development", env["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("Development", env["DOTNET_ENVIRONMENT"]);
        Assert.Equal("1000", env["OTEL_BSP_SCHEDULE_DELAY"]);
        Assert.DoesNotContain(env.Keys, k => k.StartsWith("services__", StringComparison.Ordinal));
    }

    [Fact]
    public void Pricing_serves_grpc_on_an_http2_only_endpoint_of_its_own()
    {
        var env = EnvironmentOf("pricing");

        Assert.Equal("http://127.0.0.1:5105", env["Kestrel__Endpoints__http__Url"]);
        Assert.Equal("http://127.0.0.1:5115", env["Kestrel__Endpoints__grpc__Url"]);
        Assert.Equal("Http2", env["Kestrel__Endpoints__grpc__Protocols"]);
        Assert.False(env.ContainsKey("Kestrel__Endpoints__http__Protocols"));
    }

    [Fact]
    public void A_reference_to_a_project_names_every_endpoint_for_service_discovery()
    {
        var env = EnvironmentOf("order");

        Assert.Equal("http://127.0.0.1:5105", env["services__pricing__http__0"]);
        Assert.Equal("http://127.0.0.1:5115", env["services__pricing__grpc__0"]);
        Assert.Equal("http://127.0.0.1:5102", env["services__inventory__http__0"]);
        Assert.False(env.ContainsKey("services__gateway__http__0"));
    }

    [Fact]
    public void The_gateway_gets_service_urls_and_no_server_even_one_given_to_apphost()
    {
        var env = EnvironmentOf("gateway", new() { ["ConnectionStrings__postgres"] = "Host=elsewhere" });

        Assert.Equal("http://127.0.0.1:5101", env["services__order__http__0"]);
        Assert.Equal("http://127.0.0.1:8080", env["Kestrel__Endpoints__http__Url"]);
        // Null removes the variable the child would otherwise inherit from AppHost.
        Assert.Null(env["ConnectionStrings__postgres"]);
        Assert.False(env.ContainsKey("ConnectionStrings__rabbitmq"));
    }

    [Fact]
    public void Otlp_settings_pass_through_only_when_apphost_has_them()
    {
        Assert.False(EnvironmentOf("order").ContainsKey("OTEL_EXPORTER_OTLP_ENDPOINT"));

        var env = EnvironmentOf("order", new() { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:4317", ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "grpc" });

        Assert.Equal("http://127.0.0.1:4317", env["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.Equal("grpc", env["OTEL_EXPORTER_OTLP_PROTOCOL"]);
    }

    [Fact]
    public void Apphosts_environment_name_wins_and_its_urls_do_not_leak()
    {
        var env = EnvironmentOf("order", new() { ["DOTNET_ENVIRONMENT"] = "Staging", ["ASPNETCORE_URLS"] = "http://+:80" });

        Assert.Equal("Staging", env["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("Staging", env["DOTNET_ENVIRONMENT"]);
        Assert.Null(env["ASPNETCORE_URLS"]);
    }
}
