namespace AsperaNative.Core.Values;

/// <summary>
/// Integer text as Ruby's option parser coerces it (<c>Integer</c> options): optional sign, decimal, <c>0x</c> hex,
/// <c>0b</c> binary, <c>0o</c> or leading-zero octal, single underscores between digits.
/// </summary>
public static class RubyInteger
{
    public static bool TryParse(string text, out long value)
    {
        value = 0;
        var s = text.AsSpan();
        bool negative = false;
        if (s.Length > 0 && (s[0] == '+' || s[0] == '-')) { negative = s[0] == '-'; s = s[1..]; }
        int radix = 10;
        if (s.Length > 1 && s[0] == '0')
        {
            switch (char.ToLowerInvariant(s[1]))
            {
                case 'x': radix = 16; s = s[2..]; break;
                case 'b': radix = 2; s = s[2..]; break;
                case 'o': radix = 8; s = s[2..]; break;
                default: radix = 8; s = s[1..]; break;
            }
        }
        if (s.Length == 0 || s[0] == '_' || s[^1] == '_' || s.Contains("__", StringComparison.Ordinal)) return false;
        long result = 0;
        foreach (char c in s)
        {
            if (c == '_') continue;
            int digit = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiLetter(c) ? char.ToLowerInvariant(c) - 'a' + 10 : 99;
            if (digit >= radix) return false;
            try { result = checked(result * radix + digit); }
            catch (OverflowException) { return false; }
        }
        value = negative ? -result : result;
        return true;
    }
}
