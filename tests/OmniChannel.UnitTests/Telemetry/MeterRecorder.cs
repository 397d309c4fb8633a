using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using OmniChannel.ServiceDefaults;

namespace OmniChannel.UnitTests.Telemetry;

/// <summary>What the instruments of the Meter "OmniChannel" measured while it listened, as an exporter would see it.</summary>
public sealed class MeterRecorder : IDisposable
{
    private readonly ConcurrentQueue<Recorded> measurements = new();
    private readonly MeterListener listener = new();

    public MeterRecorder()
    {
        listener.InstrumentPublished = (instrument, meterListener) =>
        {
            if (instrument.Meter.Name == ServiceDefaults.Telemetry.MeterName)
                meterListener.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.Start();
    }

    /// <summary>The measurements of <paramref name="name"/> whose tags include all of <paramref name="tags"/>.</summary>
    public IReadOnlyList<Recorded> Of(string name, params (string Key, object Value)[] tags) =>
        measurements.Where(m => m.Instrument.Name == name && tags.All(t => Equals(m.Tags.GetValueOrDefault(t.Key), t.Value))).ToList();

    /// <summary>Asks the observable instruments (gauges) for their values now.</summary>
    public void Observe() => listener.RecordObservableInstruments();

    public void Dispose() => listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        measurements.Enqueue(new Recorded(instrument, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));

    public sealed record Recorded(Instrument Instrument, double Value, IReadOnlyDictionary<string, object?> Tags);
}
