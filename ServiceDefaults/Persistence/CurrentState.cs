using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OmniChannel.ServiceDefaults.Persistence;

public static class CurrentState
{
    /// <summary>
    /// At every start, publishes every <typeparamref name="TDocument"/> this service owns as a
    /// <typeparamref name="TMessage"/> (its whole state), through the outbox. Another service's projection that missed a
    /// change (it was down, its queue was new, its database was reset) is then current again once this owner has
    /// started. Call it after <c>AddSampleData</c>: hosted services start in order, so what the sample data seeds is
    /// published by the same start.
    /// </summary>
    public static IHostApplicationBuilder PublishCurrentStateOnStart<TDocument, TMessage>(this IHostApplicationBuilder builder,
        Func<TDocument, TMessage> toMessage) where TDocument : notnull where TMessage : class
    {
        builder.Services.AddHostedService(services => new CurrentStatePublisher<TDocument, TMessage>(
            services.GetRequiredService<IDocumentStore>(), services.GetRequiredService<ILogger<CurrentStatePublisher<TDocument, TMessage>>>(),
            toMessage));
        return builder;
    }
}

internal sealed class CurrentStatePublisher<TDocument, TMessage>(IDocumentStore store, ILogger logger, Func<TDocument, TMessage> toMessage)
    : IHostedService where TDocument : notnull where TMessage : class
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var all = await session.Query<TDocument>().ToListAsync(cancellationToken);
        foreach (var document in all)
            session.PublishOnCommit(toMessage(document));
        await session.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Published {Count} {Message} of the current state", all.Count, typeof(TMessage).Name);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
