namespace OmniChannel.IntegrationTests.Infrastructure;

public static class RepositoryPaths
{
    /// <summary>The checkout's root: the folder holding OmniChannel.sln, found by walking up from the test assembly.</summary>
    public static string Root { get; } = FindRoot();

    public static string InfraScript => Path.Combine(Root, "deploy", "local", "infra.sh");

    public static string AppHostAssembly => Path.Combine(Root, "artifacts", "bin", "OmniChannel.AppHost", Configuration, "OmniChannel.AppHost.dll");

#if DEBUG
    private const string Configuration = "debug";
#else
    private const string Configuration = "release";
#endif

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OmniChannel.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"No OmniChannel.sln above {AppContext.BaseDirectory}.");
    }
}
