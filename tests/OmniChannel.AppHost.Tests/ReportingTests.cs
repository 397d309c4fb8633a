using System.Text.Json;

namespace OmniChannel.AppHost.Tests;

public class ReportingTests
{
    private static readonly ResourceSnapshot[] Resources =
    [
        new("postgres", "postgres", ResourceState.Running, null, null, 0, new Dictionary<string, string> { ["tcp"] = "tcp://127.0.0.1:54329" },
            "Host=127.0.0.1;Port=54329;Password=s3cret"),
        new("pricing", "project", ResourceState.Running, null, 4242, 0,
            new Dictionary<string, string> { ["grpc"] = "http://127.0.0.1:5115", ["http"] = "http://127.0.0.1:5105" }, null),
        new("order", "project", ResourceState.Restarting, "exit code 137; restart #2 in 2 s", null, 1,
            new Dictionary<string, string> { ["http"] = "http://127.0.0.1:5101" }, null),
    ];

    [Fact]
    public void The_table_has_one_aligned_row_per_resource()
    {
        var lines = ResourceTable.Render(Resources).TrimEnd().Split(Environment.NewLine);

        Assert.Equal(4, lines.Length);
        Assert.Matches(@"^NAME\s+TYPE\s+STATE\s+URL\s+PID$", lines[0]);
        Assert.Equal(lines[0].IndexOf("URL", StringComparison.Ordinal), lines[2].IndexOf("http://", StringComparison.Ordinal));
        Assert.Contains("Host=127.0.0.1;Port=54329;Password=***", lines[1]);
        Assert.DoesNotContain("s3cret", lines[1]);
        Assert.EndsWith("-", lines[1]);
        Assert.Contains("http://127.0.0.1:5105, grpc=http://127.0.0.1:5115", lines[2]);
        Assert.EndsWith("4242", lines[2]);
        Assert.Contains("Restarting (exit code 137; restart #2 in 2 s) [1 restart]", lines[3]);
    }

    [Fact]
    public void The_state_file_holds_pids_urls_and_the_real_connection_strings()
    {
        var json = JsonDocument.Parse(StateFile.Serialize("Running", 7, Resources)).RootElement;

        Assert.Equal("Running", json.GetProperty("status").GetString());
        Assert.Equal(7, json.GetProperty("appHostPid").GetInt32());
        var pricing = json.GetProperty("resources")[1];
        Assert.Equal("pricing", pricing.GetProperty("name").GetString());
        Assert.Equal("Running", pricing.GetProperty("state").GetString());
        Assert.Equal(4242, pricing.GetProperty("pid").GetInt32());
        Assert.Equal("http://127.0.0.1:5115", pricing.GetProperty("urls").GetProperty("grpc").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("resources")[2].GetProperty("pid").ValueKind);
        Assert.Equal("Host=127.0.0.1;Port=54329;Password=s3cret", json.GetProperty("resources")[0].GetProperty("connectionString").GetString());
    }

    [Fact]
    public void The_state_file_is_replaced_whole_and_private_to_its_owner()
    {
        var path = Path.Combine(Path.GetTempPath(), $"apphost-tests-{Guid.NewGuid():N}", "state.json");
        try
        {
            StateFile.Reset(path);
            StateFile.Write(path, "{\"first\":1}");
            StateFile.Write(path, "{\"second\":2}");

            Assert.Equal("{\"second\":2}", File.ReadAllText(path));
            Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }
}
