using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Metadata;

namespace OmniChannel.ServiceDefaults.Http;

/// <summary>
/// How big and how deep a request may be (configuration section <c>Requests</c>). A route that needs a bigger body says
/// so with <see cref="RequestLimitExtensions.WithMaxBodyBytes{TBuilder}"/>. Headers are Kestrel's to limit (32 KB in
/// all, answered 431 before the app sees the request).
/// </summary>
public sealed class RequestLimits
{
    public const string Section = "Requests";

    /// <summary>Nesting levels of a JSON body: a cart in a request is five deep; 32 is room to spare and no stack risk.</summary>
    public const int MaxJsonDepth = 32;

    /// <summary>256 KB by default: a cart of 500 lines, the largest body a terminal sends, is well under 100 KB.</summary>
    public long MaxBodyBytes { get; set; } = 256 * 1024;
}

public static class RequestLimitExtensions
{
    /// <summary>A bigger (or smaller) body than <see cref="RequestLimits.MaxBodyBytes"/> for these routes.</summary>
    public static TBuilder WithMaxBodyBytes<TBuilder>(this TBuilder builder, long bytes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new MaxBodyBytes(bytes));

    private sealed record MaxBodyBytes(long Bytes) : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => Bytes;
    }
}
