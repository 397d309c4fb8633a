namespace OmniChannel.AppHost.Tests;

/// <summary>The infra.sh protocol against a stand-in script that records how it was called.</summary>
public sealed class InfrastructureTests : IDisposable
{
    private const string Postgres = "Host=127.0.0.1;Port=54329;Username=postgres;Password=a\"b$c;Database=omnichannel";
    private const string Rabbit = "amqp://guest:guest@127.0.0.1:56729/";

    private readonly string _dir = Directory.CreateTempSubdirectory("apphost-infra-").FullName;
    private readonly ProcessLauncher _launcher = new();
    private readonly ConsoleLog _console = new(["postgres", "rabbitmq"], colors: false);
    private readonly ConnectionResource[] _servers = [new("postgres", "postgres", 5432), new("rabbitmq", "rabbitmq", 5672)];

    public void Dispose()
    {
        _launcher.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private string Calls => File.Exists(Path.Combine(_dir, "calls")) ? File.ReadAllText(Path.Combine(_dir, "calls")).Trim() : "";

    private Infrastructure Create(int statusCode, int upCode = 0, Dictionary<string, string>? environment = null)
    {
        var script = Path.Combine(_dir, "infra.sh");
        File.WriteAllText(script, $$"""
            echo "$1" >> "{{_dir}}/calls"
            case "$1" in
              status) echo "postgres  stopped"; exit {{statusCode}} ;;
              up)     echo "infra: starting" >&2
                      echo 'export ConnectionStrings__postgres="Host=127.0.0.1;Port=54329;Username=postgres;Password=a\"b\$c;Database=omnichannel"'
                      echo 'export ConnectionStrings__rabbitmq="{{Rabbit}}"'
                      exit {{upCode}} ;;
              down)   echo "infra: stopped" >&2 ;;
            esac
            """);
        var options = new AppHostOptions { RepoRoot = _dir, InfraScript = script, Environment = environment ?? [] };
        return new Infrastructure(options, _console, _launcher);
    }

    [Fact]
    public async Task Servers_it_started_are_taken_down_again()
    {
        var infrastructure = Create(statusCode: 3);

        var connectionStrings = await infrastructure.UpAsync(_servers, CancellationToken.None);

        Assert.Equal(Postgres, connectionStrings["postgres"]);
        Assert.Equal(Rabbit, connectionStrings["rabbitmq"]);
        Assert.True(await infrastructure.DownAsync());
        Assert.Equal("status\nup\ndown", Calls);
    }

    [Fact]
    public async Task Servers_that_already_ran_are_left_running()
    {
        var infrastructure = Create(statusCode: 0);

        await infrastructure.UpAsync(_servers, CancellationToken.None);

        Assert.False(await infrastructure.DownAsync());
        Assert.Equal("status\nup", Calls);
    }

    [Fact]
    public async Task Connection_strings_in_the_environment_need_no_script_at_all()
    {
        var infrastructure = Create(statusCode: 3, environment: new() { ["ConnectionStrings__postgres"] = "Host=pg", ["ConnectionStrings__rabbitmq"] = "amqp://mq/" });

        var connectionStrings = await infrastructure.UpAsync(_servers, CancellationToken.None);

        Assert.Equal("Host=pg", connectionStrings["postgres"]);
        Assert.Equal("amqp://mq/", connectionStrings["rabbitmq"]);
        Assert.False(await infrastructure.DownAsync());
        Assert.Equal("", Calls);
    }

    [Fact]
    public async Task A_given_connection_string_wins_over_the_scripts()
    {
        var infrastructure = Create(statusCode: 3, environment: new() { ["ConnectionStrings__postgres"] = "Host=pg" });

        var connectionStrings = await infrastructure.UpAsync(_servers, CancellationToken.None);

        Assert.Equal("Host=pg", connectionStrings["postgres"]);
        Assert.Equal(Rabbit, connectionStrings["rabbitmq"]);
    }

    [Fact]
    public async Task A_failed_up_is_reported_and_still_taken_down()
    {
        var infrastructure = Create(statusCode: 3, upCode: 1);

        var error = await Assert.ThrowsAsync<AppHostException>(() => infrastructure.UpAsync(_servers, CancellationToken.None));

        Assert.Contains("up exited with code 1", error.Message);
        Assert.True(await infrastructure.DownAsync());
        Assert.Equal("status\nup\ndown", Calls);
    }

    [Fact]
    public async Task A_missing_script_is_named()
    {
        var options = new AppHostOptions { RepoRoot = _dir, InfraScript = Path.Combine(_dir, "nope.sh") };

        var error = await Assert.ThrowsAsync<AppHostException>(() =>
            new Infrastructure(options, _console, _launcher).UpAsync(_servers, CancellationToken.None));

        Assert.Contains("nope.sh not found", error.Message);
    }
}
