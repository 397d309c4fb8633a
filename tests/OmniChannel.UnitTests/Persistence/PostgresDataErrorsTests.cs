using Marten.Exceptions;
using Npgsql;
using OmniChannel.ServiceDefaults.Persistence;

namespace OmniChannel.UnitTests.Persistence;

/// <summary>Which PostgreSQL errors are the caller's text, and which can leave a pooled connection's statements broken.</summary>
public class PostgresDataErrorsTests
{
    private static PostgresException Error(string sqlState) => new("refused", "ERROR", "ERROR", sqlState);

    [Theory]
    [InlineData(PostgresErrorCodes.CharacterNotInRepertoire)] // 22021: NUL in text
    [InlineData(PostgresErrorCodes.UntranslatableCharacter)] // 22P05: \u0000 in jsonb
    public void Text_postgres_cannot_store_is_refused_as_invalid_text(string sqlState)
    {
        var refusal = PostgresDataErrors.RefusalFor(new MartenCommandException(new NpgsqlCommand("select 1"), Error(sqlState)));

        Assert.NotNull(refusal);
        Assert.Equal("text.invalid", refusal.Code);
        Assert.False(refusal.IsConflict); // a 400
    }

    [Theory]
    [InlineData(PostgresErrorCodes.UniqueViolation)]
    [InlineData(PostgresErrorCodes.NumericValueOutOfRange)]
    [InlineData(PostgresErrorCodes.SerializationFailure)]
    public void Other_postgres_errors_stay_server_errors(string sqlState) =>
        Assert.Null(PostgresDataErrors.RefusalFor(new InvalidOperationException("wrapped", Error(sqlState))));

    [Fact]
    public void An_exception_without_a_postgres_error_is_no_refusal() =>
        Assert.Null(PostgresDataErrors.RefusalFor(new TimeoutException()));

    [Theory]
    [InlineData(PostgresErrorCodes.CharacterNotInRepertoire, true)]
    [InlineData(PostgresErrorCodes.UntranslatableCharacter, true)]
    [InlineData(PostgresErrorCodes.StringDataRightTruncation, true)] // 22001, from a cast folded at Bind
    [InlineData(PostgresErrorCodes.ProgramLimitExceeded, true)] // 54000, e.g. a too large jsonb
    [InlineData(PostgresErrorCodes.UniqueViolation, false)] // raised while executing, after the row description
    [InlineData(PostgresErrorCodes.SerializationFailure, false)]
    [InlineData(PostgresErrorCodes.RaiseException, false)] // Marten's version checks
    public void Only_errors_binding_a_value_can_break_prepared_statements(string sqlState, bool breaks) =>
        Assert.Equal(breaks, PostgresDataErrors.CanBreakPreparedStatements(Error(sqlState)));

    [Fact]
    public void The_postgres_error_is_found_under_its_wrappers()
    {
        var error = Error(PostgresErrorCodes.CharacterNotInRepertoire);

        Assert.Same(error, PostgresDataErrors.Find(new AggregateException(new InvalidOperationException("outer", error))
            .InnerException));
    }
}
