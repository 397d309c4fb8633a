namespace OmniChannel.Pricing.Engine.Model;

/// <summary>How a refusal maps to HTTP and gRPC (see Features/Http/Refusals.cs and Features/Grpc).</summary>
public enum RefusalKind
{
    /// <summary>Malformed input: 400 / INVALID_ARGUMENT.</summary>
    Invalid,
    /// <summary>An unknown store, product, coupon or permission group: 400 (404 on a read by id) / NOT_FOUND.</summary>
    NotFound,
    /// <summary>Over a permission group's cap, or an operation it does not allow: 400 / PERMISSION_DENIED.</summary>
    NotPermitted,
    /// <summary>Conflicts with the cart's state (locked line, mixed sales and returns, expired coupon): 409 / FAILED_PRECONDITION.</summary>
    Conflict,
}

/// <summary>Why the engine refused a cart or an operation: a stable <see cref="Code"/> and a sentence for people.</summary>
public sealed record Refusal(RefusalKind Kind, string Code, string Detail)
{
    public static Refusal Invalid(string code, string detail) => new(RefusalKind.Invalid, code, detail);
    public static Refusal NotFound(string code, string detail) => new(RefusalKind.NotFound, code, detail);
    public static Refusal NotPermitted(string code, string detail) => new(RefusalKind.NotPermitted, code, detail);
    public static Refusal Conflict(string code, string detail) => new(RefusalKind.Conflict, code, detail);
}

/// <summary>Either a value or a refusal: decisions return it instead of throwing.</summary>
public readonly record struct Outcome<T>(T? Value, Refusal? Refusal) where T : class
{
    public bool IsRefused => Refusal is not null;

    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(Refusal refusal) => new(null, refusal);
}
