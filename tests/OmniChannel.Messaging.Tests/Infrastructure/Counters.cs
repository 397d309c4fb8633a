using Marten;
using Npgsql;

namespace OmniChannel.Messaging.Tests.Infrastructure;

/// <summary>
/// Effect counters the test consumers increment in their own transaction, atomically (insert or add one), so a
/// consumer applied twice counts 2 even when both copies run at once. The table lives in the run's database.
/// </summary>
public static class Counters
{
    public const string CreateTable = "create table effect_counter (key text primary key, count int not null)";

    public static void Increment(IDocumentSession session, string key) =>
        session.QueueSqlCommand(
            "insert into public.effect_counter (key, count) values (?, 1) on conflict (key) do update set count = effect_counter.count + 1", key);

    public static async Task<int> ReadAsync(string postgres, string key)
    {
        await using var dataSource = NpgsqlDataSource.Create(postgres);
        await using var command = dataSource.CreateCommand("select count from public.effect_counter where key = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        return await command.ExecuteScalarAsync() is int count ? count : 0;
    }
}
