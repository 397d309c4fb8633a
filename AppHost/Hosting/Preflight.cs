namespace OmniChannel.AppHost.Hosting;

/// <summary>What must hold before anything starts, so AppHost fails in one clear message instead of half-way.</summary>
internal static class Preflight
{
    public static void CheckBuilt(IEnumerable<ProjectResource> projects, AppHostOptions options)
    {
        var missing = new List<string>();
        foreach (var project in projects)
        {
            var projectFile = Path.Combine(options.RepoRoot, project.ProjectPath);
            var assembly = project.AssemblyPath(options.RepoRoot, options.BuildConfiguration);
            if (!File.Exists(projectFile))
                missing.Add($"{project.Name}: project file {projectFile} does not exist");
            else if (!File.Exists(assembly))
                missing.Add($"{project.Name}: {assembly} is missing");
        }
        if (missing.Count > 0)
            throw new AppHostException(string.Join(Environment.NewLine, missing) + Environment.NewLine +
                $"Run `dotnet build -c {char.ToUpperInvariant(options.BuildConfiguration[0])}{options.BuildConfiguration[1..]} AppHost` first " +
                "(`dotnet run --project AppHost` builds everything).");
    }
}
