namespace OmniChannel.AppHost.Hosting;

/// <summary>
/// Orders the model. Starting follows WaitFor only (Aspire's semantics: a reference alone doesn't delay
/// a start); stopping goes in reverse of both WaitFor and references, so nothing loses a dependency
/// while it still runs (the gateway stops before order, order before pricing, services before the servers).
/// </summary>
internal static class DependencyGraph
{
    /// <summary>Groups that can start together: each group waits only for earlier ones.</summary>
    public static IReadOnlyList<IReadOnlyList<Resource>> StartWaves(IReadOnlyList<Resource> resources) =>
        Waves(resources, r => r.WaitsFor);

    /// <summary>Every resource after everything it waits for or references; declaration order otherwise.</summary>
    public static IReadOnlyList<Resource> DependencyOrder(IReadOnlyList<Resource> resources) =>
        Waves(resources, r => r.WaitsFor.Concat(r.References)).SelectMany(w => w).ToList();

    /// <summary>For each resource, those that wait for or reference it: they have to stop first.</summary>
    public static IReadOnlyDictionary<Resource, IReadOnlyList<Resource>> Dependents(IReadOnlyList<Resource> resources) =>
        resources.ToDictionary(r => r, r => (IReadOnlyList<Resource>)resources
            .Where(other => other.WaitsFor.Contains(r) || other.References.Contains(r)).ToList());

    private static List<IReadOnlyList<Resource>> Waves(IReadOnlyList<Resource> resources, Func<Resource, IEnumerable<Resource>> dependencies)
    {
        foreach (var resource in resources)
            foreach (var dependency in resource.WaitsFor.Concat(resource.References))
                if (!resources.Contains(dependency))
                    throw new AppHostException($"{resource.Name} refers to '{dependency.Name}', which is not part of this application.");

        var placed = new HashSet<Resource>();
        var waves = new List<IReadOnlyList<Resource>>();
        while (placed.Count < resources.Count)
        {
            var wave = resources.Where(r => !placed.Contains(r) && dependencies(r).All(placed.Contains)).ToList();
            if (wave.Count == 0)
                throw new AppHostException("Dependency cycle: " + DescribeCycle(resources.Where(r => !placed.Contains(r)).ToList(), dependencies));
            placed.UnionWith(wave);
            waves.Add(wave);
        }
        return waves;
    }

    // Walks dependencies among the unplaced resources until one repeats: that loop is the cycle.
    private static string DescribeCycle(List<Resource> stuck, Func<Resource, IEnumerable<Resource>> dependencies)
    {
        var path = new List<Resource> { stuck[0] };
        while (true)
        {
            var next = dependencies(path[^1]).First(stuck.Contains);
            var seen = path.IndexOf(next);
            if (seen >= 0)
                return string.Join(" -> ", path.Skip(seen).Append(next).Select(r => r.Name));
            path.Add(next);
        }
    }
}
