using System.Text.Json;
using System.Text.Json.Serialization;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OmniChannel.ServiceDefaults.Persistence;

/// <summary>Marks that a service's slice of the sample data has been loaded, so it is loaded once, never over live data.</summary>
public sealed record SampleDataLoaded(string Id, DateTimeOffset LoadedAt);

public static class SampleData
{
    /// <summary>The shared sample catalogue, deploy/sample-data/catalog.json, copied next to every service.</summary>
    public static readonly string CatalogPath = Path.Combine(AppContext.BaseDirectory, "sample-data", "catalog.json");

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static T ReadCatalog<T>() => JsonSerializer.Deserialize<T>(File.ReadAllText(CatalogPath), Json)
        ?? throw new InvalidDataException($"{CatalogPath} is empty.");

    /// <summary>
    /// In Development (or with OmniChannel:LoadSampleData=true) loads this service's slice of the sample catalogue
    /// at start, in one transaction with a marker document: a second start, or a concurrent one, changes nothing.
    /// </summary>
    public static IHostApplicationBuilder AddSampleData<TCatalog>(this IHostApplicationBuilder builder, string version,
        Action<TCatalog, IDocumentSession> load)
    {
        var enabled = builder.Configuration.GetValue<bool?>("OmniChannel:LoadSampleData") ?? builder.Environment.IsDevelopment();
        if (enabled)
            builder.Services.AddHostedService(services => new SampleDataLoader<TCatalog>(
                services.GetRequiredService<IDocumentStore>(), services.GetRequiredService<TimeProvider>(),
                services.GetRequiredService<ILogger<SampleDataLoader<TCatalog>>>(), version, load));
        return builder;
    }
}

internal sealed class SampleDataLoader<TCatalog>(IDocumentStore store, TimeProvider clock, ILogger logger, string version,
    Action<TCatalog, IDocumentSession> load) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<SampleDataLoaded>(version, cancellationToken) is not null)
            return;

        load(SampleData.ReadCatalog<TCatalog>(), session);
        session.Insert(new SampleDataLoaded(version, clock.GetUtcNow()));
        try
        {
            await session.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Loaded sample data {Version}", version);
        }
        catch (Exception exception) when (WriteConflict.IsDuplicateKey(exception))
        {
            // Another instance loaded it at the same moment: nothing to do.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
