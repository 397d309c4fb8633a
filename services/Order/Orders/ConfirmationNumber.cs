using System.Security.Cryptography;

namespace OmniChannel.Order.Orders;

/// <summary>
/// ORD-9: the number a terminal prints at once and recalls the order by, even before the order exists:
/// the store's first three letters, then 10 Crockford base-32 characters (no I, L, O, U: nothing to misread
/// over the phone), e.g. <c>HOU-7KQ2M-9XD4T</c>. 50 random bits: a collision is refused by the database, not assumed away.
/// </summary>
public static class ConfirmationNumber
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New(string storeId)
    {
        Span<byte> random = stackalloc byte[8];
        RandomNumberGenerator.Fill(random);
        var bits = BitConverter.ToUInt64(random);
        Span<char> code = stackalloc char[10];
        for (var i = 0; i < code.Length; i++, bits >>= 5)
            code[i] = Alphabet[(int)(bits & 31)];
        var prefix = new string(storeId.Where(char.IsAsciiLetter).Take(3).Select(char.ToUpperInvariant).ToArray()).PadRight(3, 'X');
        return $"{prefix}-{code[..5]}-{code[5..]}";
    }

    public static bool IsWellFormed(string value) =>
        value.Length == 15 && value[3] == '-' && value[9] == '-'
        && value[..3].All(char.IsAsciiLetterUpper)
        && value[4..9].Concat(value[10..]).All(c => Alphabet.Contains(c));
}
