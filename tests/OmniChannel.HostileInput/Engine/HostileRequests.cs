using System.Text;
using System.Text.Json.Nodes;

namespace OmniChannel.HostileInput.Engine;

/// <summary>One hostile request: what it is, and its bytes.</summary>
public sealed record HostileRequest(ApiOperation Operation, string Case, string Method, string PathAndQuery, byte[]? Body, string ContentType,
    IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    public override string ToString() => $"{Operation} [{Case}]";
}

/// <summary>
/// Makes hostile requests from an operation's description: a plausible request (so the validators behind the first one
/// are reached), then one hostile change at a time — a control character, an absurd number, a null element, an unknown
/// enum value, a wrong type — at every place of the body, path and query, and whole-body attacks (malformed, deep, huge).
/// Each is something the platform must refuse with a 4xx problem and without changing anything.
/// </summary>
public static class HostileRequests
{
    private const string Marker = "@@hostile-value@@"; // replaced in the JSON text by the raw hostile token
    private const int MaxDepth = 6;

    private static readonly (string Name, string Raw)[] HostileStrings =
    [
        ("NUL", "\"a\\u0000b\""), ("ESC", "\"\\u001b[2Jx\""), ("CRLF", "\"a\\r\\nX-Injected: 1\""), ("C1", "\"a\\u0085b\""),
        ("lone surrogate", "\"a\\ud800b\""), ("DEL", "\"a\\u007fb\""),
    ];

    private static readonly (string Name, string Raw)[] HostileNumbers =
    [
        ("1e30", "1e30"), ("-1e30", "-1e30"), ("2^63", "9223372036854775808"), ("-2^63-1", "-9223372036854775809"),
        ("NaN string", "\"NaN\""), ("Infinity string", "\"Infinity\""), ("1e-30", "1e-30"), ("2^31", "2147483648"),
    ];

    private static readonly (string Name, string Raw)[] HostileEnums = [("enum -1", "-1"), ("enum 7", "7"), ("enum unknown", "\"NOPE\"")];

    private static readonly (string Name, string Raw)[] HostilePathValues =
    [
        ("NUL", "a%00b"), ("ESC", "a%1Bb"), ("CRLF", "a%0D%0Ab"), ("invalid UTF-8", "%FF%FE"), ("long", new string('x', 5000)),
        ("C1", "a%C2%85b"),
    ];

    public static IEnumerable<HostileRequest> For(ApiOperation operation)
    {
        var body = operation.BodySchema is null ? null : Example(operation.BodySchema, null, operation.Components, 0);
        var path = PathWith(operation, null, null);
        var query = QueryWith(operation, null, null);

        // The body, as a whole.
        if (operation.BodySchema is not null)
        {
            yield return Make(operation, "body: malformed JSON", path, query, Encoding.UTF8.GetBytes("{\"a\":"));
            yield return Make(operation, "body: null", path, query, Encoding.UTF8.GetBytes("null"));
            yield return Make(operation, "body: wrong type", path, query, Encoding.UTF8.GetBytes("[]"));
            yield return Make(operation, "body: deep arrays", path, query, Encoding.UTF8.GetBytes(new string('[', 5000) + new string(']', 5000)));
            yield return Make(operation, "body: deep objects", path, query,
                Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 5000)) + "1" + new string('}', 5000)));
            yield return Make(operation, "body: 3 MB", path, query, Encoding.UTF8.GetBytes(WithPadding(body, 3 * 1024 * 1024)));
            yield return Make(operation, "body: text/plain", path, query, Encoding.UTF8.GetBytes(body?.ToJsonString() ?? "{}"), "text/plain");
            foreach (var (place, hostile) in Mutations(body, operation.BodySchema, operation.Components, "$", 0))
                yield return Make(operation, $"body {place}: {hostile.Name}", path, query, Encoding.UTF8.GetBytes(Replace(body, place, hostile.Raw)));
        }

        var plainBody = body is null ? null : Encoding.UTF8.GetBytes(body.ToJsonString());
        foreach (var parameter in operation.Parameters)
            foreach (var (name, raw) in HostilePathValues)
            {
                if (parameter.In == "path")
                    yield return Make(operation, $"path {parameter.Name}: {name}", PathWith(operation, parameter.Name, raw), query, plainBody);
                else if (parameter.In == "query")
                    yield return Make(operation, $"query {parameter.Name}: {name}", path, QueryWith(operation, parameter.Name, raw), plainBody);
            }

        if (operation.Method is "POST" or "PUT" or "PATCH" or "DELETE")
        {
            yield return Make(operation, "Idempotency-Key: control character", path, query, plainBody, headers: [new("Idempotency-Key", "key\u0001x")]);
            yield return Make(operation, "Idempotency-Key: 10 000 characters", path, query, plainBody, headers: [new("Idempotency-Key", new string('k', 10_000))]);
        }
        yield return Make(operation, "header: 64 KB", path, query, plainBody, headers: [new("X-Padding", new string('p', 64 * 1024))]);
    }

    /// <summary>Every place of the body with each hostile value that fits what the schema says is there.</summary>
    private static IEnumerable<(string Place, (string Name, string Raw) Hostile)> Mutations(JsonNode? value, JsonNode schema, JsonObject components,
        string place, int depth)
    {
        schema = OpenApiOperations.Resolve(schema, components);
        if (depth > MaxDepth)
            yield break;
        var nullable = Types(schema).Contains("null");
        if (!nullable)
            yield return (place, ("null", "null"));
        switch (value)
        {
            case JsonObject obj:
                yield return (place, ("array instead of object", "[]"));
                foreach (var (name, child) in obj)
                {
                    var childSchema = schema["properties"]?[name];
                    if (childSchema is null)
                        continue;
                    foreach (var mutation in Mutations(child, childSchema, components, $"{place}.{name}", depth + 1))
                        yield return mutation;
                }
                break;
            case JsonArray array:
                yield return (place, ("null element", "[null]"));
                yield return (place, ("object instead of array", "{}"));
                if (array.Count > 0 && schema["items"] is { } items)
                    foreach (var mutation in Mutations(array[0], items, components, $"{place}[0]", depth + 1))
                        yield return mutation;
                break;
            default:
                if (schema["enum"] is not null)
                    foreach (var hostile in HostileEnums)
                        yield return (place, hostile);
                else if (Types(schema).Any(t => t is "number" or "integer"))
                    foreach (var hostile in HostileNumbers)
                        yield return (place, hostile);
                else if (Types(schema).Contains("boolean"))
                    yield return (place, ("boolean as number", "2"));
                else
                {
                    foreach (var hostile in HostileStrings)
                        yield return (place, hostile);
                    yield return (place, ("object instead of string", "{}"));
                }
                break;
        }
    }

    /// <summary>A plausible value for a schema: names the sample catalogue knows get its values, so validators beyond the first are reached.</summary>
    public static JsonNode? Example(JsonNode schema, string? name, JsonObject components, int depth)
    {
        schema = OpenApiOperations.Resolve(schema, components);
        if (schema["enum"] is JsonArray values && values.FirstOrDefault(v => v is not null) is { } first)
            return first.DeepClone();
        if (schema["oneOf"] is JsonArray oneOf && oneOf.Count > 0)
            return Example(oneOf.First(s => !Types(OpenApiOperations.Resolve(s!, components)).SequenceEqual(["null"]))!, name, components, depth);
        var type = Types(schema).FirstOrDefault(t => t != "null") ?? (schema["properties"] is not null ? "object" : "string");
        return type switch
        {
            "object" when depth < MaxDepth => new JsonObject((schema["properties"]?.AsObject() ?? [])
                .Select(p => KeyValuePair.Create(p.Key, Example(p.Value!, p.Key, components, depth + 1)))),
            "object" => new JsonObject(),
            "array" => schema["items"] is { } items && depth < MaxDepth ? new JsonArray(Example(items, name, components, depth + 1)) : new JsonArray(),
            "integer" => JsonValue.Create(1),
            "number" => JsonValue.Create(name?.Contains("percent", StringComparison.OrdinalIgnoreCase) == true ? 10m : 10.00m),
            "boolean" => JsonValue.Create(false),
            _ => JsonValue.Create(SampleString(name, schema["format"]?.GetValue<string>())),
        };
    }

    private static string SampleString(string? name, string? format) => format switch
    {
        "uuid" => Guid.NewGuid().ToString(),
        "date-time" => DateTimeOffset.UtcNow.ToString("O"),
        "date" => DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd"),
        _ => name?.ToLowerInvariant() switch
        {
            "storeid" or "locationid" or "warehouseid" => "HOUSTON",
            "terminalid" => "T1",
            "customerid" => "2001",
            "sku" => "81120",
            "currency" => "USD",
            "cardtoken" => "tok_visa_ok",
            "tendertypeid" => "CARD",
            "cardtypeid" => "VISA",
            "channel" => "store",
            "groupid" or "fulfillmentgroupid" => "US-STORES",
            "confirmationnumber" => "HOU-0000001",
            "upc" => "012345678905",
            "email" => "karen.berg@example.com",
            "modeofdelivery" => "STANDARD",
            "country" => "US",
            "purpose" => "pickup",
            "storefrontid" => "web",
            _ => "x1",
        },
    };

    private static string[] Types(JsonNode schema) => schema["type"] switch
    {
        JsonArray array => array.Select(t => t!.GetValue<string>()).ToArray(),
        JsonValue value => [value.GetValue<string>()],
        _ => [],
    };

    /// <summary>The body's JSON text with the value at <paramref name="place"/> replaced by a raw JSON token.</summary>
    private static string Replace(JsonNode? body, string place, string raw)
    {
        var copy = body?.DeepClone();
        var marker = Marker + Guid.NewGuid().ToString("N");
        if (place == "$" || copy is null)
            return raw;
        var (parent, key) = Locate(copy, place);
        switch (parent)
        {
            case JsonObject obj:
                obj[key] = marker;
                break;
            case JsonArray array:
                array[int.Parse(key)] = marker;
                break;
        }
        return copy.ToJsonString().Replace($"\"{marker}\"", raw);
    }

    private static (JsonNode Parent, string Key) Locate(JsonNode root, string place)
    {
        var steps = new List<string>();
        foreach (var part in place[1..].Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = part.IndexOf('[');
            if (bracket < 0)
            {
                steps.Add(part);
                continue;
            }
            if (bracket > 0)
                steps.Add(part[..bracket]);
            steps.AddRange(part[bracket..].Split(['[', ']'], StringSplitOptions.RemoveEmptyEntries));
        }
        var node = root;
        foreach (var step in steps[..^1])
            node = node is JsonArray a ? a[int.Parse(step)]! : node[step]!;
        return (node, steps[^1]);
    }

    private static string WithPadding(JsonNode? body, int bytes)
    {
        var padded = body is JsonObject o ? (JsonObject)o.DeepClone() : new JsonObject();
        padded["padding"] = new string('x', bytes);
        return padded.ToJsonString();
    }

    private static string PathWith(ApiOperation operation, string? hostileName, string? raw)
    {
        var path = operation.PathTemplate;
        foreach (var parameter in operation.Parameters.Where(p => p.In == "path"))
        {
            var value = parameter.Name == hostileName ? raw! : Uri.EscapeDataString(SampleString(parameter.Name,
                parameter.Schema?["format"]?.GetValue<string>()));
            path = path.Replace("{" + parameter.Name + "}", value);
        }
        return path;
    }

    private static string QueryWith(ApiOperation operation, string? hostileName, string? raw)
    {
        var pairs = operation.Parameters.Where(p => p.In == "query" && (p.Required || p.Name == hostileName))
            .Select(p => $"{p.Name}={(p.Name == hostileName ? raw : Uri.EscapeDataString(SampleString(p.Name, null)))}");
        var query = string.Join('&', pairs);
        return query.Length == 0 ? "" : "?" + query;
    }

    private static HostileRequest Make(ApiOperation operation, string name, string path, string query, byte[]? body,
        string contentType = "application/json", KeyValuePair<string, string>[]? headers = null) =>
        new(operation, name, operation.Method, path + query, body, contentType, headers ?? []);
}
