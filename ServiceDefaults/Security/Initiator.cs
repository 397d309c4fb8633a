using System.Diagnostics;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.ServiceDefaults.Security;

/// <summary>
/// Who started a piece of work: the principal of the request that began it (a terminal, a cashier on one, a storefront,
/// an operator, a merchandiser), or a service on its own (a scheduled job, a recovery). It travels with the work: as the
/// <see cref="Header"/> of every message sent for it, in the log scope and the trace, and as the <see cref="EventHeader"/>
/// of every event it appends, so an order's history says who did each step, however many services it crossed.
/// </summary>
/// <param name="Kind">One of <see cref="InitiatorKinds"/>.</param>
/// <param name="Id">The principal's subject: a cashier's operator id, a device's, storefront's or service's client id.</param>
/// <param name="StoreId">The store of a terminal or of the cashier signed in on it.</param>
/// <param name="TerminalId">The terminal of a terminal or cashier.</param>
public sealed record Initiator(string Kind, string Id, string? StoreId = null, string? TerminalId = null)
{
    /// <summary>The message header (MassTransit) that carries it, as <see cref="ToHeader"/> writes it.</summary>
    public const string Header = "omnichannel-initiator";

    /// <summary>The Marten event header (<c>mt_events.headers</c>) that carries it.</summary>
    public const string EventHeader = "initiator";

    /// <summary>Longer than any header this platform writes: a bigger one is not read.</summary>
    private const int MaxHeaderLength = 1024;
    private const int MaxValueLength = 256;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// The initiator a token names: a cashier (by operator id) before the terminal it signed in on, then the other roles;
    /// null for an anonymous caller or a token without a subject.
    /// </summary>
    public static Initiator? Of(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
            return null;
        var kind = InitiatorKinds.All.FirstOrDefault(principal.IsInRole) ?? InitiatorKinds.Unknown;
        var id = kind == InitiatorKinds.Cashier ? principal.OperatorId() : null;
        id ??= principal.FindFirstValue(PlatformClaims.Subject) ?? principal.FindFirstValue(PlatformClaims.ClientId);
        return string.IsNullOrEmpty(id) ? null : Valid(new Initiator(kind, id, NullIfEmpty(principal.StoreId()), NullIfEmpty(principal.TerminalId())));
    }

    /// <summary>A service acting on its own, by its client id.</summary>
    public static Initiator Service(string clientId) => new(InitiatorKinds.Service, clientId);

    /// <summary>The header's value: compact JSON, e.g. <c>{"kind":"cashier","id":"1001","storeId":"HOUSTON","terminalId":"T1"}</c>.</summary>
    public string ToHeader() => JsonSerializer.Serialize(this, Json);

    /// <summary>
    /// The initiator a header names; null when it is absent or not one this platform writes (unknown kind, empty id,
    /// oversized, a control character), so that it is never taken on trust as something else.
    /// </summary>
    public static Initiator? Parse(string? header)
    {
        if (string.IsNullOrEmpty(header) || header.Length > MaxHeaderLength)
            return null;
        try
        {
            return JsonSerializer.Deserialize<Initiator>(header, Json) is { } parsed ? Valid(parsed) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// A header value as MassTransit or Marten hands it back: the header text, the JSON Marten stored (an object, or that
    /// text), or the record itself.
    /// </summary>
    public static Initiator? From(object? value) => value switch
    {
        Initiator initiator => Valid(initiator),
        string text => Parse(text),
        JsonElement { ValueKind: JsonValueKind.String } text => Parse(text.GetString()),
        JsonElement { ValueKind: JsonValueKind.Object } json => Parse(json.GetRawText()),
        _ => null,
    };

    /// <summary>For people and logs: <c>cashier 1001 (HOUSTON T1)</c>.</summary>
    public override string ToString() => (StoreId, TerminalId) switch
    {
        (null, null) => $"{Kind} {Id}",
        (_, null) => $"{Kind} {Id} ({StoreId})",
        (null, _) => $"{Kind} {Id} ({TerminalId})",
        _ => $"{Kind} {Id} ({StoreId} {TerminalId})",
    };

    private static Initiator? Valid(Initiator initiator) =>
        InitiatorKinds.IsKnown(initiator.Kind) && IsValue(initiator.Id)
        && (initiator.StoreId is null || IsValue(initiator.StoreId)) && (initiator.TerminalId is null || IsValue(initiator.TerminalId))
            ? initiator
            : null;

    private static bool IsValue(string? value) => !string.IsNullOrEmpty(value) && value.Length <= MaxValueLength && !ControlCharacters.Any(value);

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

/// <summary>The kinds of <see cref="Initiator"/>: the platform's roles (<see cref="PlatformRoles"/>), most specific first.</summary>
public static class InitiatorKinds
{
    public const string Cashier = PlatformRoles.Cashier;
    public const string Terminal = PlatformRoles.Terminal;
    public const string Storefront = PlatformRoles.Storefront;
    public const string Operator = PlatformRoles.Operator;
    public const string Merchandiser = PlatformRoles.Merchandiser;
    public const string Service = PlatformRoles.Service;
    /// <summary>An authenticated caller with none of the platform's roles (a token of the provider for another purpose).</summary>
    public const string Unknown = "unknown";

    /// <summary>In the order a token's roles are read: a cashier's token also carries its terminal's role.</summary>
    public static readonly IReadOnlyList<string> All = [Cashier, Terminal, Storefront, Operator, Merchandiser, Service];

    public static bool IsKnown(string? kind) => kind == Unknown || All.Contains(kind);
}

/// <summary>The initiator in the trace (as tags of a request's or a message's activity) and in the log scope.</summary>
public static class InitiatorTelemetry
{
    public const string KindTag = "omnichannel.initiator.kind";
    public const string IdTag = "omnichannel.initiator.id";
    public const string StoreTag = "omnichannel.initiator.store_id";

    /// <summary>The log scope's property: <see cref="Initiator.ToString"/>.</summary>
    public const string ScopeKey = "Initiator";

    public static void Tag(Activity? activity, Initiator initiator)
    {
        if (activity is null)
            return;
        activity.SetTag(KindTag, initiator.Kind);
        activity.SetTag(IdTag, initiator.Id);
        if (initiator.StoreId is not null)
            activity.SetTag(StoreTag, initiator.StoreId);
    }

    public static Dictionary<string, object> Scope(Initiator initiator) => new() { [ScopeKey] = initiator.ToString() };
}
