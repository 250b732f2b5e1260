namespace AsperaNative.Pac.Js;

internal enum TokenKind { Eof, Identifier, Keyword, Number, String, Regex, Punctuator }

/// <summary>
/// One lexical token. <see cref="NewLineBefore"/> drives automatic semicolon insertion;
/// a regex literal keeps its body in <see cref="Text"/> and its flags in <see cref="Flags"/>.
/// </summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Start, int Line, int Column, bool NewLineBefore, double Number = 0, string Flags = "")
{
    public bool Is(string punctuatorOrKeyword) => Kind is TokenKind.Punctuator or TokenKind.Keyword && Text == punctuatorOrKeyword;

    /// <summary>How the token reads in an error message.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.Eof => "end of input",
        TokenKind.String => "string",
        TokenKind.Number => "number",
        TokenKind.Regex => "regular expression",
        _ => $"token '{Text}'",
    };
}
