using Npgsql;
using Polly;

namespace OmniChannel.ServiceDefaults.Persistence;

/// <summary>
/// Wraps every command and commit of a Marten store (its resilience pipelines): after a data error it closes the pool's
/// connections (<see cref="PostgresDataErrors.RetireConnectionsAfter"/>). A commit's connection is still held by its
/// session then, so it is never handed out again; a query's was given back a moment before and closes with the idle ones.
/// </summary>
internal sealed class RetireConnectionsOnDataError(NpgsqlDataSource dataSource) : ResilienceStrategy
{
    public static void AddTo(ResiliencePipelineBuilder pipeline, NpgsqlDataSource dataSource) =>
        pipeline.AddStrategy(_ => new RetireConnectionsOnDataError(dataSource), new Options());

    protected override async ValueTask<Outcome<TResult>> ExecuteCore<TResult, TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<TResult>>> callback, ResilienceContext context, TState state)
    {
        var outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
        if (outcome.Exception is { } exception)
            PostgresDataErrors.RetireConnectionsAfter(exception, dataSource);
        return outcome;
    }

    private sealed class Options : ResilienceStrategyOptions
    {
        public Options() => Name = nameof(RetireConnectionsOnDataError);
    }
}
