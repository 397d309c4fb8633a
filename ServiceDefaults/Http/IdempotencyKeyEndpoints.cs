using Microsoft.AspNetCore.Builder;

namespace OmniChannel.ServiceDefaults.Http;

/// <summary>
/// Endpoint metadata: the endpoint reads <see cref="IdempotentRequest.Header"/> with <see cref="IdempotentRequest.ReadKey"/>
/// and refuses a request without one. The OpenAPI documents declare the header (required) and its 409 from it.
/// </summary>
public sealed class IdempotencyKeyRequired
{
    public static readonly IdempotencyKeyRequired Instance = new();

    private IdempotencyKeyRequired()
    {
    }
}

public static class IdempotencyKeyEndpoints
{
    /// <summary>Says that the endpoint takes an <c>Idempotency-Key</c>: on every endpoint whose handler calls <see cref="IdempotentRequest.ReadKey"/>.</summary>
    public static TBuilder RequiresIdempotencyKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(IdempotencyKeyRequired.Instance);
}
