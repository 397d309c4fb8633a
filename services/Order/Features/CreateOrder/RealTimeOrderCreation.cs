using System.Threading.Channels;
using Marten;
using Microsoft.Extensions.Options;
using OmniChannel.Order.Orders;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace OmniChannel.Order.Features.CreateOrder;

/// <summary>
/// ORD-9 real-time first: right after the terminal has its confirmation number, the order is created here, a batch
/// of waiting transactions per commit, inside a Polly time budget and behind a circuit breaker. Whatever fails
/// (timeout, open circuit, database error, a drill) stays Received for the order-sync job: never lost, never doubled.
/// </summary>
public sealed class RealTimeOrderCreation(IDocumentStore store, OrderCreator creator, RealTimeDrill drill,
    IOptions<OrderCreationOptions> options, ILogger<RealTimeOrderCreation> logger) : BackgroundService
{
    private readonly Channel<TerminalTransaction> pending = Channel.CreateBounded<TerminalTransaction>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private readonly ResiliencePipeline pipeline = new ResiliencePipelineBuilder()
        .AddTimeout(options.Value.RealTimeBudget)
        .AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            FailureRatio = 0.5, MinimumThroughput = 4, SamplingDuration = TimeSpan.FromSeconds(10), BreakDuration = TimeSpan.FromSeconds(15),
        })
        .Build();

    /// <summary>
    /// Asks for the order of this just-stored transaction to be created now; a full queue leaves it to the sync job. It
    /// is not read again: if the sync job created it meanwhile, the order's stream key makes this creation a no-op.
    /// </summary>
    public void Enqueue(TerminalTransaction transaction) => pending.Writer.TryWrite(transaction);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<TerminalTransaction>(200);
        while (await pending.Reader.WaitToReadAsync(stoppingToken))
        {
            batch.Clear();
            while (batch.Count < 200 && pending.Reader.TryRead(out var transaction))
                batch.Add(transaction);
            try
            {
                await pipeline.ExecuteAsync(async ct => await CreateAsync(batch, ct), stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                var reason = exception switch
                {
                    BrokenCircuitException => "the circuit is open",
                    TimeoutRejectedException => $"it took longer than {options.Value.RealTimeBudget.TotalSeconds:0.#} s",
                    _ => exception.Message,
                };
                logger.LogWarning("Real-time order creation failed for {Count} transaction(s) ({Reason}); the order-sync job will create them",
                    batch.Count, reason);
            }
        }
    }

    private async Task CreateAsync(IReadOnlyList<TerminalTransaction> transactions, CancellationToken ct)
    {
        drill.ThrowIfFailing();
        await creator.CreateAllAsync(store, transactions, CreationPath.RealTime, ct);
    }
}

/// <summary>The documented way to make the real-time path fail, for tests and drills (see OrderCreationOptions.RealTimeFails).</summary>
public sealed class RealTimeDrill(IOptions<OrderCreationOptions> options)
{
    private volatile bool failing = options.Value.RealTimeFails;

    public bool Failing { get => failing; set => failing = value; }

    public void ThrowIfFailing()
    {
        if (failing)
            throw new InvalidOperationException("Real-time order creation is failing on purpose (drill).");
    }
}
