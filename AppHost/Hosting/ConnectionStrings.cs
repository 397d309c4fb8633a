using System.Data.Common;
using System.Text.RegularExpressions;

namespace OmniChannel.AppHost.Hosting;

/// <summary>What AppHost needs to know about a connection string without a driver: where it points, and how to show it.</summary>
internal static partial class ConnectionStrings
{
    /// <summary>The TCP host and port a PostgreSQL (key=value) or AMQP (URI) connection string points at, if it says.</summary>
    public static (string Host, int Port)? TcpEndpoint(string connectionString, int defaultPort)
    {
        if (Uri.TryCreate(connectionString, UriKind.Absolute, out var uri) && uri.Host.Length > 0)
            return (uri.Host, uri.IsDefaultPort || uri.Port < 0 ? defaultPort : uri.Port);

        var builder = new DbConnectionStringBuilder();
        try { builder.ConnectionString = connectionString; }
        catch (ArgumentException) { return null; }
        var host = Value(builder, "Host") ?? Value(builder, "Server");
        if (host is null || host.Contains(',') || host.StartsWith('/')) return null; // multi-host or unix socket
        return (host, int.TryParse(Value(builder, "Port"), out var port) ? port : defaultPort);
    }

    /// <summary>The connection string with its password replaced by ***, for the console.</summary>
    public static string Mask(string connectionString)
    {
        if (Uri.TryCreate(connectionString, UriKind.Absolute, out var uri) && uri.UserInfo.Contains(':'))
            return connectionString.Replace(uri.UserInfo, uri.UserInfo[..uri.UserInfo.IndexOf(':')] + ":***", StringComparison.Ordinal);
        return PasswordPair().Replace(connectionString, m => m.Groups["key"].Value + "=***");
    }

    private static string? Value(DbConnectionStringBuilder builder, string key) =>
        builder.TryGetValue(key, out var value) && value?.ToString() is { Length: > 0 } text ? text : null;

    [GeneratedRegex(@"(?<key>(?<![^;\s])(Password|Pwd))\s*=\s*(""[^""]*""|'[^']*'|[^;]*)", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordPair();
}
