using System.Text;

namespace AsperaNative.Output.Formats;

/// <summary>
/// Oppen's pretty-printing algorithm with the semantics of Ruby's <c>PrettyPrint</c> (stdlib), which
/// <c>pp</c> drives: text is buffered until the line overflows, then the outermost open groups are broken
/// first, every breakable of a broken group becoming a newline plus the indentation of its nesting.
/// Widths count characters (code points), as Ruby's <c>String#length</c>.
/// </summary>
internal sealed class PrettyPrinter(StringBuilder output, int maxWidth = 79)
{
    private sealed class GroupState(int depth)
    {
        public int Depth { get; } = depth;
        public Queue<Breakable> Breakables { get; } = new();
        public bool Broken { get; set; }
    }

    private abstract class Token
    {
        public int Width { get; protected set; }
        public abstract int Output(PrettyPrinter pp, int outputWidth);
    }

    private sealed class TextToken : Token
    {
        private readonly List<string> _parts = [];
        public void Add(string s, int width) { _parts.Add(s); Width += width; }
        public override int Output(PrettyPrinter pp, int outputWidth)
        {
            foreach (var p in _parts) pp._output.Append(p);
            return outputWidth + Width;
        }
    }

    private sealed class Breakable : Token
    {
        private readonly string _sep;
        private readonly int _indent;
        private readonly GroupState _group;

        public Breakable(string sep, int indent, GroupState group)
        {
            _sep = sep;
            Width = Length(sep);
            _indent = indent;
            _group = group;
            group.Breakables.Enqueue(this);
        }

        public override int Output(PrettyPrinter pp, int outputWidth)
        {
            _group.Breakables.Dequeue();
            if (_group.Broken)
            {
                pp._output.Append('\n').Append(' ', _indent);
                return _indent;
            }
            if (_group.Breakables.Count == 0) pp.QueueRemove(_group);
            pp._output.Append(_sep);
            return outputWidth + Width;
        }
    }

    private readonly StringBuilder _output = output;
    private readonly LinkedList<Token> _buffer = new();
    private readonly Stack<GroupState> _groupStack = new();
    private readonly List<List<GroupState>> _queue = [];
    private int _outputWidth, _bufferWidth, _indent;

    public PrettyPrinter Init()
    {
        var root = new GroupState(0);
        _groupStack.Push(root);
        Enqueue(root);
        return this;
    }

    public void Text(string s)
    {
        int width = Length(s);
        if (_buffer.Count == 0)
        {
            _output.Append(s);
            _outputWidth += width;
            return;
        }
        if (_buffer.Last!.Value is not TextToken text)
        {
            text = new TextToken();
            _buffer.AddLast(text);
        }
        text.Add(s, width);
        _bufferWidth += width;
        BreakOutmostGroups();
    }

    public void BreakableSpace(string sep = " ")
    {
        var group = _groupStack.Peek();
        if (group.Broken)
        {
            Flush();
            _output.Append('\n').Append(' ', _indent);
            _outputWidth = _indent;
            _bufferWidth = 0;
            return;
        }
        var b = new Breakable(sep, _indent, group);
        _buffer.AddLast(b);
        _bufferWidth += b.Width;
        BreakOutmostGroups();
    }

    /// <summary>A group: <paramref name="open"/>, the content nested by <paramref name="indent"/>, <paramref name="close"/>.</summary>
    public void Group(int indent, string open, string close, Action content)
    {
        if (open.Length > 0) Text(open);
        var group = new GroupState(_groupStack.Peek().Depth + 1);
        _groupStack.Push(group);
        Enqueue(group);
        _indent += indent;
        try { content(); }
        finally
        {
            _indent -= indent;
            _groupStack.Pop();
            if (group.Breakables.Count == 0) QueueRemove(group);
        }
        if (close.Length > 0) Text(close);
    }

    public void Flush()
    {
        foreach (var token in _buffer) _outputWidth = token.Output(this, _outputWidth);
        _buffer.Clear();
        _bufferWidth = 0;
    }

    private void BreakOutmostGroups()
    {
        while (maxWidth < _outputWidth + _bufferWidth)
        {
            var group = Dequeue();
            if (group is null) return;
            while (group.Breakables.Count > 0)
            {
                var token = _buffer.First!.Value;
                _buffer.RemoveFirst();
                _outputWidth = token.Output(this, _outputWidth);
                _bufferWidth -= token.Width;
            }
            while (_buffer.First?.Value is TextToken text)
            {
                _buffer.RemoveFirst();
                _outputWidth = text.Output(this, _outputWidth);
                _bufferWidth -= text.Width;
            }
        }
    }

    private void Enqueue(GroupState group)
    {
        while (group.Depth >= _queue.Count) _queue.Add([]);
        _queue[group.Depth].Add(group);
    }

    /// <summary>The outermost (then most recent) group that still has breakables; groups passed over without any are marked broken.</summary>
    private GroupState? Dequeue()
    {
        foreach (var groups in _queue)
        {
            for (int i = groups.Count - 1; i >= 0; i--)
            {
                if (groups[i].Breakables.Count > 0)
                {
                    var group = groups[i];
                    groups.RemoveAt(i);
                    group.Broken = true;
                    return group;
                }
            }
            foreach (var g in groups) g.Broken = true;
            groups.Clear();
        }
        return null;
    }

    private void QueueRemove(GroupState group)
    {
        if (group.Depth < _queue.Count) _queue[group.Depth].Remove(group);
    }

    private static int Length(string s)
    {
        int n = 0;
        for (int i = 0; i < s.Length; i++)
            if (!char.IsLowSurrogate(s[i])) n++;
        return n;
    }
}
