namespace OmniChannel.AppHost.Tests;

public class ExportLinesTests
{
    [Fact]
    public void Reads_what_infra_sh_prints()
    {
        Assert.True(ExportLines.TryParse(
            "export ConnectionStrings__postgres=\"Host=127.0.0.1;Port=54329;Username=postgres;Password=p4ss;Database=omnichannel\"",
            out var name, out var value));

        Assert.Equal("ConnectionStrings__postgres", name);
        Assert.Equal("Host=127.0.0.1;Port=54329;Username=postgres;Password=p4ss;Database=omnichannel", value);
    }

    [Theory]
    [InlineData(@"export X=""a\""b""", "a\"b")]
    [InlineData(@"export X=""c:\\dir \$HOME \`x\`""", @"c:\dir $HOME `x`")]
    [InlineData(@"export X=""keep \n as is""", @"keep \n as is")]
    [InlineData("export X='single $quoted'", "single $quoted")]
    [InlineData("export X=bare", "bare")]
    public void Undoes_shell_quoting(string line, string expected)
    {
        Assert.True(ExportLines.TryParse(line, out _, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("infra: PostgreSQL ready")]
    [InlineData("exported 3 values")]
    [InlineData("")]
    public void Ignores_everything_else(string line) => Assert.False(ExportLines.TryParse(line, out _, out _));
}

public class ConnectionStringsTests
{
    [Theory]
    [InlineData("Host=127.0.0.1;Port=54329;Username=postgres;Password=s3cret;Database=omnichannel",
                "Host=127.0.0.1;Port=54329;Username=postgres;Password=***;Database=omnichannel")]
    [InlineData("Host=db;password='a;b';Database=x", "Host=db;password=***;Database=x")]
    [InlineData("amqp://guest:guest@127.0.0.1:56729/", "amqp://guest:***@127.0.0.1:56729/")]
    [InlineData("amqp://127.0.0.1:56729/", "amqp://127.0.0.1:56729/")]
    public void Mask_hides_the_password(string connectionString, string masked) =>
        Assert.Equal(masked, ConnectionStrings.Mask(connectionString));

    [Theory]
    [InlineData("Host=127.0.0.1;Port=54329;Password=x", 5432, "127.0.0.1", 54329)]
    [InlineData("Server=db.local;Password=x", 5432, "db.local", 5432)]
    [InlineData("amqp://guest:guest@127.0.0.1:56729/", 5672, "127.0.0.1", 56729)]
    [InlineData("amqp://rabbit/", 5672, "rabbit", 5672)]
    public void TcpEndpoint_finds_host_and_port(string connectionString, int defaultPort, string host, int port) =>
        Assert.Equal((host, port), ConnectionStrings.TcpEndpoint(connectionString, defaultPort));

    [Theory]
    [InlineData("Host=/var/run/postgresql;Password=x")]
    [InlineData("Host=a,b;Password=x")]
    [InlineData("Database=x")]
    public void TcpEndpoint_gives_up_on_sockets_and_multiple_hosts(string connectionString) =>
        Assert.Null(ConnectionStrings.TcpEndpoint(connectionString, 5432));
}
