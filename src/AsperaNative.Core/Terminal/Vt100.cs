namespace AsperaNative.Core.Terminal;

/// <summary>
/// ascli's text styles (its <c>String#bold</c>, <c>#red</c>…): a VT100 sequence, ended by a full reset as ascli
/// does, when standard output is a terminal; the plain text otherwise.
/// </summary>
public static class Vt100
{
    public const int Bold = 1;
    public const int Blink = 5;
    public const int Red = 31;
    public const int Green = 32;

    public static string Style(this Terminal terminal, string text, int code)
        => terminal.OutputIsTerminal ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
