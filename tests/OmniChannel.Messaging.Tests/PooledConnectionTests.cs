using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OmniChannel.Messaging.Tests.Infrastructure;
using OmniChannel.Messaging.Tests.Model;
using OmniChannel.ServiceDefaults.Persistence;

namespace OmniChannel.Messaging.Tests;

/// <summary>
/// A value PostgreSQL refuses (a NUL in text or jsonb) must not break the pooled connection it was sent on. Npgsql
/// prepares a statement on its fifth run on a connection; when that run's parameters are refused, it keeps the statement
/// half-known and the connection's next run of it fails (docs/postgres-connections.md). One connection in the pool, and
/// a refused value on every fifth run, put the refusal on the preparing run whatever else uses the connection.
/// </summary>
[Collection(MessagingCollection.Name)]
public sealed class PooledConnectionTests(MessagingInfrastructure infrastructure)
{
    private const string Nul = "a\u0000b";

    [Fact]
    public async Task A_query_with_text_postgres_refuses_leaves_the_pool_answering()
    {
        await using var service = await OneConnectionService("querynul");
        var item = new Item(Guid.NewGuid(), "tent");
        await using (var session = service.Store.LightweightSession())
        {
            session.Store(item);
            await session.SaveChangesAsync();
        }

        for (var run = 1; run <= 25; run++)
        {
            if (run % 5 == 0)
            {
                var refused = await Assert.ThrowsAnyAsync<Exception>(() => FindByName(service, Nul));
                Assert.Equal(PostgresErrorCodes.CharacterNotInRepertoire, PostgresDataErrors.Find(refused)?.SqlState);
            }
            else
                Assert.Equal(item, Assert.Single(await FindByName(service, "tent")));
        }

        for (var run = 0; run < 300; run++)
            Assert.Equal(item, Assert.Single(await FindByName(service, "tent")));
    }

    [Fact]
    public async Task A_document_with_text_postgres_refuses_is_not_saved_and_leaves_the_pool_saving()
    {
        await using var service = await OneConnectionService("savenul");
        var refusedIds = new List<Guid>();

        for (var run = 1; run <= 25; run++)
        {
            var item = new Item(Guid.NewGuid(), run % 5 == 0 ? Nul : $"tent {run}");
            if (run % 5 == 0)
            {
                var refused = await Assert.ThrowsAnyAsync<Exception>(() => Save(service, item));
                Assert.Equal(PostgresErrorCodes.UntranslatableCharacter, PostgresDataErrors.Find(refused)?.SqlState);
                refusedIds.Add(item.Id);
            }
            else
                await Save(service, item);
        }

        for (var run = 0; run < 300; run++)
            await Save(service, new Item(Guid.NewGuid(), $"lamp {run}"));
        await using var query = service.Store.QuerySession();
        Assert.Empty(await query.LoadManyAsync<Item>(refusedIds));
        Assert.Equal(320, await query.Query<Item>().CountAsync());
    }

    private async Task<TestService> OneConnectionService(string purpose) =>
        await new TestService(infrastructure, purpose)
            .WithPostgres(connectionString => connectionString + ";Maximum Pool Size=1")
            .StartAsync();

    /// <summary>In a request's scope, with the session the service's handlers get.</summary>
    private static async Task<IReadOnlyList<Item>> FindByName(TestService service, string name)
    {
        await using var scope = service.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IQuerySession>();
        return await session.Query<Item>().Where(item => item.Name == name).ToListAsync();
    }

    private static async Task Save(TestService service, Item item)
    {
        await using var scope = service.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
        session.Store(item);
        await session.SaveChangesAsync();
    }
}
