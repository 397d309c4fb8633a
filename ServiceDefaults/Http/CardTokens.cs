using System.Text.Json.Nodes;

namespace OmniChannel.ServiceDefaults.Http;

/// <summary>
/// A card token pays: whoever reads it back could charge the card for another order. Outside the Payment-Token service
/// (and in its answers) it is shown only by its last four characters.
/// </summary>
public static class CardTokens
{
    public static string Mask(string token) => token.Length <= 4 ? "****" : $"****{token[^4..]}";

    /// <summary>Masks every <c>cardToken</c> property in a JSON tree (an event's data as shown in an order's history).</summary>
    public static JsonNode? MaskIn(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                    if (name.Equals("cardToken", StringComparison.OrdinalIgnoreCase) && value is JsonValue token && token.TryGetValue<string>(out var text))
                        obj[name] = Mask(text);
                    else
                        MaskIn(value);
                break;
            case JsonArray array:
                foreach (var item in array)
                    MaskIn(item);
                break;
        }
        return node;
    }
}
