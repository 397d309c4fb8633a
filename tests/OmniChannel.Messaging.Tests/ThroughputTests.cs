using System.Diagnostics;
using MassTransit;
using Npgsql;
using OmniChannel.IntegrationTests.Infrastructure;
using OmniChannel.Messaging.Tests.Infrastructure;
using OmniChannel.Messaging.Tests.Model;
using Xunit.Abstractions;

namespace OmniChannel.Messaging.Tests;

/// <summary>
/// A rough figure, printed, not asserted: how many messages per second go through the outbox path when every
/// command is consumed with inbox + document + outbox, and its event is consumed again downstream with its own inbox.
/// </summary>
[Collection(MessagingCollection.Name)]
public sealed class ThroughputTests(MessagingInfrastructure infrastructure, ITestOutputHelper output)
{
    private const int Commands = 1000;

    [Fact]
    public async Task A_thousand_commands_are_each_applied_once_and_the_rate_is_reported()
    {
        await using var service = await new TestService(infrastructure, "load").WithConsumer<ItemRegistrar>().WithConsumer<ItemAudit>().StartAsync();
        var items = Enumerable.Range(0, Commands).Select(_ => Guid.NewGuid()).ToArray();
        var audited = items.Select(Keys.Audited).ToArray();

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(items.Select(item => service.Bus.Publish(new RegisterItem(item, "load"))));
        var published = clock.Elapsed;
        await Poll.UntilAsync(async () => await SumAsync(audited) == Commands, TimeSpan.FromMinutes(3), $"{Commands} audits");
        var elapsed = clock.Elapsed;

        output.WriteLine($"{Commands} commands published in {published.TotalSeconds:0.0} s; all consumed and their events consumed " +
            $"downstream in {elapsed.TotalSeconds:0.0} s: {Commands / elapsed.TotalSeconds:0} commands/s, " +
            $"{2 * Commands / elapsed.TotalSeconds:0} outbox consumes/s on {Environment.ProcessorCount} cores");
        Assert.Equal(Commands, await SumAsync(items.Select(Keys.Registered).ToArray()));
    }

    private async Task<int> SumAsync(string[] keys)
    {
        await using var dataSource = NpgsqlDataSource.Create(infrastructure.Postgres);
        await using var command = dataSource.CreateCommand("select coalesce(sum(count), 0)::int from public.effect_counter where key = any($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = keys });
        return (int)(await command.ExecuteScalarAsync())!;
    }
}
