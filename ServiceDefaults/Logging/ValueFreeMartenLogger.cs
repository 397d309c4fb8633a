using Marten;
using Marten.Services;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace OmniChannel.ServiceDefaults.Logging;

/// <summary>
/// Marten's commands in the logs by their SQL only, never their parameters. Marten's own logger writes every parameter
/// of a failed command at Error (and of every command at Debug): the documents' and events' JSON, with card tokens,
/// customers' names, e-mails, phones and addresses. A failure still says which statement failed and why (the
/// exception, whose message PostgreSQL's errors keep free of values: no <c>Include Error Detail</c>).
/// </summary>
public sealed class ValueFreeMartenLogger(ILogger logger) : IMartenLogger, IMartenSessionLogger
{
    public IMartenSessionLogger StartSession(IQuerySession session) => this;

    public void SchemaChange(string sql) => logger.LogInformation("Executed schema update SQL:\n{Sql}", sql);

    public void LogSuccess(NpgsqlCommand command) => Executed(command.CommandText);

    public void LogSuccess(NpgsqlBatch batch) => Executed(string.Join(";\n", batch.BatchCommands.Cast<NpgsqlBatchCommand>().Select(c => c.CommandText)));

    public void LogFailure(NpgsqlCommand command, Exception ex) => Failed(ex, command.CommandText);

    public void LogFailure(NpgsqlBatch batch, Exception ex) => Failed(ex, string.Join(";\n", batch.BatchCommands.Cast<NpgsqlBatchCommand>().Select(c => c.CommandText)));

    public void LogFailure(Exception ex, string message) => logger.LogError(ex, "Marten: {Message}", message);

    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit)
    {
    }

    public void OnBeforeExecute(NpgsqlCommand command)
    {
    }

    public void OnBeforeExecute(NpgsqlBatch batch)
    {
    }

    private void Executed(string sql)
    {
        if (logger.IsEnabled(LogLevel.Debug))
            logger.LogDebug("Marten executed SQL: {Sql}", sql);
    }

    private void Failed(Exception ex, string sql) => logger.LogError(ex, "Marten could not execute SQL: {Sql}", sql);
}
