using System.Diagnostics.Metrics;
using Marten;
using OmniChannel.ServiceDefaults;
using OmniChannel.ServiceDefaults.Persistence;

namespace OmniChannel.PaymentToken.Payments;

/// <summary>
/// Payment-Token's domain meters, on the platform's Meter "OmniChannel" (README.md, Metrics): the captures the processor
/// approved, counted once each when the <see cref="TenderCaptured"/> that records it commits, whichever path made the
/// call (a terminal's request, a message, the recovery job). A retried message or a repeated request that finds the
/// capture already recorded records nothing, so counts nothing.
/// </summary>
public static class PaymentMetrics
{
    public const string CurrencyTag = "omnichannel.payment.currency";
    public const string PurposeTag = "omnichannel.payment.purpose";

    private static readonly Counter<long> Captures = Telemetry.Meter.CreateCounter<long>("omnichannel.payment.captures", "{capture}",
        "Card captures the processor approved: deposit, prepayment, pickup or invoice.");

    private static readonly Counter<double> CapturedAmount = Telemetry.Meter.CreateCounter<double>("omnichannel.payment.captured_amount",
        "{currency}", "Amount captured, in the currency named by omnichannel.payment.currency.");

    /// <summary>Counts the captures among <paramref name="events"/> once the session's commit has recorded them.</summary>
    public static void CountOnCommit(IDocumentSession session, string currency, IReadOnlyList<object> events)
    {
        var captured = events.OfType<TenderCaptured>().ToList();
        if (captured.Count > 0)
            session.AfterCommit(() => Count(currency, captured));
    }

    public static void Count(string currency, IEnumerable<TenderCaptured> captures)
    {
        foreach (var capture in captures)
        {
            var tags = new[]
            {
                new KeyValuePair<string, object?>(CurrencyTag, currency),
                new KeyValuePair<string, object?>(PurposeTag, PurposeName(capture.Purpose)),
            };
            Captures.Add(1, tags);
            CapturedAmount.Add((double)capture.Amount, tags);
        }
    }

    public static string PurposeName(TenderPurpose purpose) => purpose switch
    {
        TenderPurpose.Deposit => "deposit",
        TenderPurpose.Prepayment => "prepayment",
        TenderPurpose.Pickup => "pickup",
        TenderPurpose.Invoice => "invoice",
        _ => purpose.ToString(),
    };
}
