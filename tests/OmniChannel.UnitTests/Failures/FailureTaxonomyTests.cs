using JasperFx;
using Marten.Exceptions;
using Npgsql;
using OmniChannel.ServiceDefaults.Failures;
using OmniChannel.ServiceDefaults.Messaging;

namespace OmniChannel.UnitTests.Failures;

/// <summary>Issue 13 point 5: one reading of a fault as retryable or permanent, for the messaging retry, the creation path and payments.</summary>
public class FailureTaxonomyTests
{
    [Fact]
    public void A_permanent_failure_is_permanent_with_its_code_also_when_a_saga_or_Marten_wraps_it()
    {
        var thrown = new PermanentFailureException("order.unknown", "No order 123 exists here.", subject: "123");
        var wrapped = new InvalidOperationException("saga faulted", new AggregateException(thrown));

        Assert.Equal((FailureKind.Permanent, "order.unknown"), (FailureClassifier.Classify(thrown).Kind, FailureClassifier.Classify(thrown).Code));
        Assert.Equal(FailureKind.Permanent, FailureClassifier.Classify(wrapped).Kind);
        Assert.Same(thrown, PermanentFailureFilter.Find(wrapped));
        Assert.Equal("123", thrown.Subject);
    }

    [Fact]
    public void The_stream_names_the_subject_when_none_is_given()
    {
        var orderId = Guid.NewGuid();
        var thrown = new PermanentFailureException("payment.key_reused", "The processor holds another request.", orderId);
        Assert.Equal((orderId.ToString(), (object)orderId), (thrown.Subject, thrown.Stream!));
    }

    [Fact]
    public void A_value_PostgreSQL_refuses_is_permanent_it_refuses_it_every_time()
    {
        var refused = new PostgresException("invalid byte sequence", "ERROR", "ERROR", PostgresErrorCodes.CharacterNotInRepertoire);
        var failure = FailureClassifier.Classify(new MartenCommandException(new Npgsql.NpgsqlCommand(), refused));
        Assert.Equal((FailureKind.Permanent, "data.refused"), (failure.Kind, failure.Code));
    }

    [Theory]
    [MemberData(nameof(Transient))]
    public void Faults_of_a_service_or_the_broker_and_faults_nobody_classified_are_retryable(Exception fault, string code)
    {
        var failure = FailureClassifier.Classify(fault);
        Assert.Equal((FailureKind.Retryable, code), (failure.Kind, failure.Code));
        Assert.True(failure.IsRetryable);
    }

    public static TheoryData<Exception, string> Transient() => new()
    {
        { new TimeoutException(), "timeout" },
        { new HttpRequestException("connection refused"), "unavailable" },
        { new System.Net.Sockets.SocketException(111), "unavailable" },
        { new PostgresException("deadlock", "ERROR", "ERROR", PostgresErrorCodes.DeadlockDetected), "unavailable" },
        { new ConcurrencyException("version changed"), "write.conflict" },
        { new InvalidOperationException("something nobody foresaw"), "fault" },
    };

    [Fact]
    public void Back_off_doubles_from_the_first_delay_and_stops_at_the_longest()
    {
        var (first, longest) = (TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        Assert.Equal([1, 2, 4, 8, 16, 30, 30], Enumerable.Range(1, 7).Select(a => Backoff.After(a, first, longest).TotalSeconds));
    }
}
