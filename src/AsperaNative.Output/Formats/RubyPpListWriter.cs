using System.Text.Json.Nodes;

namespace AsperaNative.Output.Formats;

/// <summary>
/// <c>PP.pp</c> of a top-level array written item by item, byte for byte as <see cref="RubyPp.Pp"/> of the
/// whole array. pp breaks the outermost group first: the array stays on one line while all of it fits in
/// 79 columns, else every comma becomes a line break and each item is laid out on its own from column 1,
/// followed by one character (<c>,</c> or <c>]</c>): exactly as the item alone in <c>[item]</c>. So only
/// the first items are held, until the one-line form overflows.
/// </summary>
internal sealed class RubyPpListWriter(TextWriter output, int maxWidth = 79)
{
    private readonly List<string> _held = [];
    private int _width = 2; // "[" and "]"
    private bool _broken;

    public void Add(JsonNode? item)
    {
        string text = RubyPp.PpListItem(item);
        if (_broken)
        {
            output.Write(",\n ");
            output.Write(text);
            return;
        }
        _held.Add(text);
        _width += Length(text) + (_held.Count > 1 ? 2 : 0);
        if (!text.Contains('\n') && _width <= maxWidth) return;
        _broken = true;
        output.Write('[');
        for (int i = 0; i < _held.Count; i++)
        {
            if (i > 0) output.Write(",\n ");
            output.Write(_held[i]);
        }
        _held.Clear();
    }

    public void End()
    {
        if (!_broken)
        {
            output.Write('[');
            output.Write(string.Join(", ", _held));
        }
        output.Write("]\n");
    }

    /// <summary>Characters as Ruby's <c>String#length</c> counts them (code points).</summary>
    private static int Length(string s)
    {
        int n = 0;
        foreach (char c in s)
            if (!char.IsLowSurrogate(c)) n++;
        return n;
    }
}
