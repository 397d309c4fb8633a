using OmniChannel.Messaging.Tests.Infrastructure;
using OmniChannel.Messaging.Tests.Model;

namespace OmniChannel.Messaging.Tests;

/// <summary>
/// Issue 12, nothing of a card token or a customer in the logs: a command PostgreSQL refuses is logged by its SQL, not by
/// the values it carried (Marten's own logger writes them all: the documents' JSON), and its error without the context
/// PostgreSQL quotes from them.
/// </summary>
[Collection(MessagingCollection.Name)]
public sealed class LoggingTests(MessagingInfrastructure infrastructure)
{
    [Fact]
    public async Task A_failed_command_is_logged_by_its_SQL_without_the_values_it_carried()
    {
        await using var service = new TestService(infrastructure, "logging").Build();
        await using (var session = service.Store.LightweightSession())
        {
            // PostgreSQL stores no NUL in JSON: the insert fails as it runs, with the document's JSON as its parameter.
            session.Store(new Item(Guid.NewGuid(), "tok_visa_4242 karen.berg@example.com \u0000"));
            await Assert.ThrowsAnyAsync<Exception>(() => session.SaveChangesAsync());
        }

        var logged = string.Join("\n", service.Logs.Lines);
        Assert.Contains("Marten could not execute SQL", logged);
        Assert.DoesNotContain("tok_visa_4242", logged);
        Assert.DoesNotContain("karen.berg@example.com", logged);
    }
}
