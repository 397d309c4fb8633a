using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OmniChannel.ServiceDefaults;

/// <summary>The platform's own activity source and meter, beside the ones of ASP.NET Core, MassTransit and Npgsql.</summary>
public static class Telemetry
{
    public const string ActivitySourceName = "OmniChannel";
    public const string MeterName = "OmniChannel";

    public static readonly ActivitySource ActivitySource = new(ActivitySourceName);
    public static readonly Meter Meter = new(MeterName);
}
