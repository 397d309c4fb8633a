namespace OmniChannel.IntegrationTests.Infrastructure;

public static class RepositoryPaths
{
    /// <summary>The checkout's root: the folder holding OmniChannel.sln, found by walking up from the test assembly.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OmniChannel.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"No OmniChannel.sln above {AppContext.BaseDirectory}.");
    }
}
