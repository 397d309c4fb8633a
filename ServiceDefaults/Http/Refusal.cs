using Microsoft.AspNetCore.Http.HttpResults;

namespace OmniChannel.ServiceDefaults.Http;

/// <summary>What kind of "no" a refusal is: decides its HTTP status (and Pricing's gRPC status).</summary>
public enum RefusalKind
{
    /// <summary>Malformed or unacceptable input: 400.</summary>
    Invalid,
    /// <summary>Something the request names does not exist: 400 in a request's body (404 on a read by id).</summary>
    NotFound,
    /// <summary>An operation the thing it acts on does not allow (a product that takes no price override): 400.</summary>
    NotPermitted,
    /// <summary>The caller's rights (from its token) do not reach: over a permission group's cap, another store's work: 403.</summary>
    Forbidden,
    /// <summary>The request is fine but the state it meets says no (an order already cancelled, a locked line): 409.</summary>
    Conflict,
}

/// <summary>
/// Why a rule said no: a stable <see cref="Code"/> (the problem details' code clients branch on) and a sentence for
/// people. Every service's pure rules return it instead of throwing; endpoints turn it into a problem with
/// <see cref="ToProblem"/>.
/// </summary>
public sealed record Refusal(string Code, string Detail, RefusalKind Kind = RefusalKind.Invalid)
{
    public static Refusal Invalid(string code, string detail) => new(code, detail);
    public static Refusal NotFound(string code, string detail) => new(code, detail, RefusalKind.NotFound);
    public static Refusal NotPermitted(string code, string detail) => new(code, detail, RefusalKind.NotPermitted);
    public static Refusal Conflict(string code, string detail) => new(code, detail, RefusalKind.Conflict);
    public static Refusal Forbidden(string code, string detail) => new(code, detail, RefusalKind.Forbidden);

    public bool IsConflict => Kind == RefusalKind.Conflict;

    /// <summary>409 for a conflict with the current state, 403 for the caller's rights, 400 for everything else about the request.</summary>
    public ProblemHttpResult ToProblem() => Kind switch
    {
        RefusalKind.Conflict => ProblemCodes.Conflict(Code, Detail),
        RefusalKind.Forbidden => ProblemCodes.Forbidden(Code, Detail),
        _ => ProblemCodes.BadRequest(Code, Detail),
    };
}
