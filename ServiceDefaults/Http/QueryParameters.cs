using Microsoft.Extensions.Primitives;

namespace OmniChannel.ServiceDefaults.Http;

/// <summary>
/// A list's query string, read before its values are: a control character anywhere (<c>text.control_character</c>), a
/// parameter the list does not know (<c>{prefix}.parameter_unknown</c>) or one given twice (<c>{prefix}.parameter_repeated</c>)
/// is refused; blank values count as not given; each value comes back trimmed, by its name in any case.
/// </summary>
public static class QueryParameters
{
    public static (IReadOnlyDictionary<string, string>? Values, Refusal? Refusal) Read(IEnumerable<KeyValuePair<string, StringValues>> query,
        IReadOnlyList<string> known, string codePrefix)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (parameter, value) in query)
        {
            var text = value.ToString();
            if (ControlCharacters.Any(parameter) || ControlCharacters.Any(text))
                return (null, Refusal.Invalid("text.control_character", "The query holds a control character."));
            if (!known.Contains(parameter, StringComparer.OrdinalIgnoreCase))
                return (null, Refusal.Invalid($"{codePrefix}.parameter_unknown",
                    $"'{Shorten(parameter)}' is not a parameter of this list; they are: {string.Join(", ", known)}."));
            if (value.Count > 1 || values.ContainsKey(parameter))
                return (null, Refusal.Invalid($"{codePrefix}.parameter_repeated",
                    $"'{parameter}' is given more than once (several values of one are one comma-separated value, where it takes several)."));
            if (!string.IsNullOrWhiteSpace(text))
                values[parameter] = text.Trim();
        }
        return (values, null);
    }

    /// <summary>A value as a refusal quotes it: at most 40 characters.</summary>
    public static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
