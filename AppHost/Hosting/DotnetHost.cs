namespace OmniChannel.AppHost.Hosting;

/// <summary>Finds the `dotnet` muxer that runs the services' dlls: the one running AppHost when possible.</summary>
internal static class DotnetHost
{
    public static string Path(IReadOnlyDictionary<string, string> environment)
    {
        // Under `dotnet run` AppHost is its native apphost executable, so ProcessPath isn't dotnet itself.
        if (System.IO.Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
            return Environment.ProcessPath!;
        if (environment.TryGetValue("DOTNET_HOST_PATH", out var hostPath) && File.Exists(hostPath))
            return hostPath;
        if (environment.TryGetValue("DOTNET_ROOT", out var root) && File.Exists(System.IO.Path.Combine(root, "dotnet")))
            return System.IO.Path.Combine(root, "dotnet");
        return Posix.Which("dotnet") ?? "dotnet";
    }
}
