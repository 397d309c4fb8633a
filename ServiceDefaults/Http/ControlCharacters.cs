using System.Buffers;
using System.Text;

namespace OmniChannel.ServiceDefaults.Http;

/// <summary>
/// The characters no request value of this API may hold: C0 (U+0000–U+001F), DEL (U+007F) and C1 (U+0080–U+009F),
/// exactly what <see cref="char.IsControl(char)"/> says. TAB, CR and LF are among them on purpose: no id, code, name or
/// note in this API spans lines, and a raw CR/LF or ESC is how forged log lines and terminal escapes get in. A NUL also
/// cannot be stored in PostgreSQL text.
/// </summary>
public static class ControlCharacters
{
    private static readonly SearchValues<char> Controls = SearchValues.Create(
        Enumerable.Range(0, 0xA0).Select(c => (char)c).Where(char.IsControl).ToArray());

    public static bool Any(ReadOnlySpan<char> text) => text.ContainsAny(Controls);

    /// <summary>
    /// Whether UTF-8 text holds one: a byte below 0x20, DEL, or a C1 character (0xC2 0x80–0x9F). A multi-byte
    /// sequence's other bytes are all 0x80 or above, so a single byte below 0x20 or equal to 0x7F is always a character.
    /// </summary>
    public static bool AnyUtf8(ReadOnlySpan<byte> utf8)
    {
        for (var i = 0; i < utf8.Length; i++)
        {
            var b = utf8[i];
            if (b < 0x20 || b == 0x7F || (b == 0xC2 && i + 1 < utf8.Length && utf8[i + 1] is >= 0x80 and <= 0x9F))
                return true;
        }
        return false;
    }

    /// <summary>The text with each control character written as <c>\uXXXX</c>: one log line stays one line, and no terminal escape runs.</summary>
    public static string Escape(string text)
    {
        if (!Any(text))
            return text;
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (char.IsControl(c))
                escaped.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            else
                escaped.Append(c);
        }
        return escaped.ToString();
    }
}
