using System.Net.Sockets;

namespace OmniChannel.AppHost.Hosting;

/// <summary>The outcome of one health request.</summary>
internal enum Health { Unreachable, Unhealthy, Healthy }

/// <summary>Asks a project's health endpoint, or a server's port, whether it is ready.</summary>
internal sealed class HealthProbe : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    // No proxy: an http_proxy in the environment must not swallow requests to 127.0.0.1.
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = TimeSpan.FromSeconds(30) })
    {
        Timeout = TimeSpan.FromSeconds(5),
    };

    /// <summary>Healthy on 200; Unhealthy on any other answer (503 while a dependency is down); Unreachable without one.</summary>
    public async Task<(Health Health, string Detail)> CheckAsync(Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync(url, cancellationToken);
            return response.StatusCode == System.Net.HttpStatusCode.OK
                ? (Health.Healthy, "200")
                : (Health.Unhealthy, $"{url.AbsolutePath} answered {(int)response.StatusCode}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (Health.Unreachable, $"{url.AbsolutePath}: {e.Message}");
        }
    }

    /// <summary>
    /// Polls <paramref name="url"/> until it answers 200. Throws <see cref="ResourceFailedException"/> if the
    /// process exits first or the deadline passes; reports answers other than 200 through <paramref name="unhealthy"/>.
    /// </summary>
    public async Task WaitHealthyAsync(string name, ChildProcess process, Uri url, TimeSpan timeout,
        Action<string> unhealthy, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (process.HasExited)
                throw new ResourceFailedException(name, $"{name} exited with code {await process.Exited} before it was healthy.");
            var (health, detail) = await CheckAsync(url, cancellationToken);
            if (health == Health.Healthy) return;
            if (health == Health.Unhealthy) unhealthy(detail);
            if (DateTime.UtcNow > deadline)
                throw new ResourceFailedException(name, $"{name} was not healthy within {timeout.TotalSeconds:0} s (last: {detail}).");
            await Task.WhenAny(process.Exited, Task.Delay(Interval, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Waits until something accepts TCP connections at host:port, or throws once the deadline passes.</summary>
    public static async Task WaitForTcpAsync(string name, string host, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            using var client = new TcpClient();
            try
            {
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                attempt.CancelAfter(TimeSpan.FromSeconds(2));
                await client.ConnectAsync(host, port, attempt.Token);
                return;
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                if (DateTime.UtcNow > deadline)
                    throw new AppHostException($"{name} is not accepting connections at {host}:{port} ({e.Message}).");
            }
            await Task.Delay(Interval, cancellationToken);
        }
    }

    public void Dispose() => _http.Dispose();
}
