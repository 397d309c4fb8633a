using System.Text;

namespace OmniChannel.Order.Features.RecallOrders;

/// <summary>
/// ORD-6: how a customer's e-mail, phone and name are compared, the same for what a summary stores and what a terminal
/// asks: an e-mail in lower case without white space; a phone as its digits only (spaces, dashes, dots, brackets and the
/// plus sign dropped, the country code kept); a name in lower case with single spaces between its words.
/// </summary>
public static class SearchKeys
{
    public static string? Email(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
            return null;
        var key = new StringBuilder(email.Length);
        foreach (var c in email)
            if (!char.IsWhiteSpace(c))
                key.Append(char.ToLowerInvariant(c));
        return key.ToString();
    }

    public static string? Phone(string? phone)
    {
        if (phone is null)
            return null;
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        return digits.Length == 0 ? null : digits;
    }

    public static string? Name(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return null;
        return string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
    }
}
