using System.Text.Json.Nodes;

namespace OmniChannel.HostileInput.Engine;

/// <summary>
/// One operation of a service's OpenAPI document: what the hostile requests are made from, and the statuses it declares
/// it answers (<paramref name="Responses"/>: "200", "404", "4XX", "default").
/// </summary>
public sealed record ApiOperation(string Service, string Method, string PathTemplate, IReadOnlyList<ApiParameter> Parameters, JsonNode? BodySchema,
    JsonObject Components, IReadOnlySet<string> Responses)
{
    /// <summary>Whether the document says this operation may answer <paramref name="status"/>.</summary>
    public bool Declares(int status) =>
        Responses.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture)) || Responses.Contains($"{status / 100}XX")
        || Responses.Contains("default");

    public override string ToString() => $"{Method} {PathTemplate}";
}

public sealed record ApiParameter(string Name, string In, bool Required, JsonNode? Schema);

/// <summary>Reads the services' OpenAPI documents as the gateway publishes them (/openapi/{service}/v1.json).</summary>
public static class OpenApiOperations
{
    public static readonly string[] Services = ["orders", "inventory", "payments", "pickups", "pricing"];

    public static async Task<IReadOnlyList<ApiOperation>> ReadAsync(HttpClient gateway, CancellationToken ct)
    {
        var operations = new List<ApiOperation>();
        foreach (var service in Services)
        {
            var document = JsonNode.Parse(await gateway.GetStringAsync($"/openapi/{service}/v1.json", ct))!.AsObject();
            var components = document["components"]?.AsObject() ?? [];
            foreach (var (path, item) in document["paths"]?.AsObject() ?? [])
                foreach (var (method, operation) in item!.AsObject())
                {
                    if (method is "parameters" or "summary" or "description" or "servers")
                        continue;
                    var parameters = (operation!["parameters"]?.AsArray() ?? []).Select(p => Resolve(p!, components))
                        .Select(p => new ApiParameter(p["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(), p["required"]?.GetValue<bool>() ?? false, p["schema"]))
                        .ToList();
                    var body = operation["requestBody"]?["content"]?["application/json"]?["schema"];
                    var responses = (operation["responses"]?.AsObject() ?? []).Select(r => r.Key.ToUpperInvariant() == "DEFAULT" ? "default" : r.Key.ToUpperInvariant())
                        .ToHashSet(StringComparer.Ordinal);
                    operations.Add(new ApiOperation(service, method.ToUpperInvariant(), path, parameters, body, components, responses));
                }
        }
        return operations;
    }

    /// <summary>Follows a local "$ref" (#/components/...) to what it names.</summary>
    public static JsonNode Resolve(JsonNode node, JsonObject components)
    {
        for (var hops = 0; hops < 16 && node is JsonObject o && o["$ref"]?.GetValue<string>() is { } reference; hops++)
        {
            var parts = reference.TrimStart('#', '/').Split('/');
            JsonNode? target = components;
            foreach (var part in parts.Skip(1)) // "components/schemas/X": components is the root here
                target = target?[part];
            node = target ?? throw new InvalidOperationException($"Unresolved reference {reference}.");
        }
        return node;
    }
}
