using System.Text;
using System.Text.RegularExpressions;

namespace OmniChannel.AppHost.Hosting;

/// <summary>
/// Reads what deploy/local/infra.sh prints on stdout: <c>export NAME="value"</c> lines meant for
/// <c>eval</c>, with \ " $ ` escaped inside the double quotes. Anything else is not an assignment.
/// </summary>
internal static partial class ExportLines
{
    public static bool TryParse(string line, out string name, out string value)
    {
        var match = Export().Match(line.Trim());
        name = match.Success ? match.Groups["name"].Value : "";
        value = match.Success ? Unquote(match.Groups["value"].Value) : "";
        return match.Success;
    }

    private static string Unquote(string raw)
    {
        if (raw.Length >= 2 && raw[0] == '\'' && raw[^1] == '\'')
            return raw[1..^1];
        if (raw.Length < 2 || raw[0] != '"' || raw[^1] != '"')
            return raw;

        var text = new StringBuilder();
        for (var i = 1; i < raw.Length - 1; i++)
        {
            // Inside double quotes the shell drops a backslash only before \ " $ ` (and newline).
            if (raw[i] == '\\' && i + 1 < raw.Length - 1 && raw[i + 1] is '\\' or '"' or '$' or '`')
                i++;
            text.Append(raw[i]);
        }
        return text.ToString();
    }

    [GeneratedRegex(@"^export\s+(?<name>[A-Za-z_][A-Za-z0-9_]*)=(?<value>.*)$")]
    private static partial Regex Export();
}
