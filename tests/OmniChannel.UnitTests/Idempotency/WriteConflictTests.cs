using JasperFx;
using Marten.Exceptions;
using Npgsql;
using OmniChannel.ServiceDefaults.Persistence;

namespace OmniChannel.UnitTests.Idempotency;

/// <summary>The one classifier of a commit another writer beat: a key already taken, or a version changed first.</summary>
public class WriteConflictTests
{
    public static TheoryData<Exception> DuplicateKeys => new()
    {
        new DocumentAlreadyExistsException(typeof(string), "HOU-T1-000042"),
        new ExistingStreamIdCollisionException("HOU-7KQ2M-9XD4T", typeof(string)),
        new JasperFx.Events.ExistingStreamIdCollisionException("HOU-7KQ2M-9XD4T", typeof(string)),
        new InvalidOperationException("commit failed", UniqueViolation()),
        new InvalidOperationException("outer", new InvalidOperationException("inner", UniqueViolation())),
    };

    public static TheoryData<Exception> Concurrency => new()
    {
        new ConcurrencyException(typeof(string), "pickup"),
        new InvalidOperationException("outer", new ConcurrencyException("version changed")),
    };

    [Theory]
    [MemberData(nameof(DuplicateKeys))]
    public void A_row_already_under_the_key_is_a_duplicate_key(Exception exception)
    {
        Assert.True(WriteConflict.IsDuplicateKey(exception));
        Assert.False(WriteConflict.IsConcurrencyConflict(exception));
        Assert.True(WriteConflict.IsAny(exception));
    }

    [Theory]
    [MemberData(nameof(Concurrency))]
    public void A_failed_version_check_is_a_concurrency_conflict_not_a_duplicate(Exception exception)
    {
        Assert.True(WriteConflict.IsConcurrencyConflict(exception));
        Assert.False(WriteConflict.IsDuplicateKey(exception));
        Assert.True(WriteConflict.IsAny(exception));
    }

    [Fact]
    public void Other_failures_are_neither()
    {
        var foreignKey = new InvalidOperationException("commit failed", new PostgresException("fk", "ERROR", "ERROR", PostgresErrorCodes.ForeignKeyViolation));

        Assert.False(WriteConflict.IsAny(foreignKey));
        Assert.False(WriteConflict.IsAny(new TimeoutException()));
    }

    private static PostgresException UniqueViolation() => new("duplicate key value", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation);
}
