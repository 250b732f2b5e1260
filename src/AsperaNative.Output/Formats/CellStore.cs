namespace AsperaNative.Output.Formats;

/// <summary>
/// The cell texts of a table kept until its column widths are known, and nothing else: each row's cells
/// are copied one after the other into large shared character blocks, with one integer per cell for
/// where it ends (a 100 000-row listing takes a few megabytes, not its JSON tree). Rows have a shape:
/// the list of field names its cells belong to (all rows share one shape when the fields are known
/// before the rows). The widest cell of each shape's column is measured on the way in.
/// Rows are read back in order.
/// </summary>
internal sealed class CellStore
{
    // 64 KiB blocks (on the pinned heap, which young collections do not move)
    private const int BlockSize = 1 << 15;

    private readonly List<char[]> _blocks = [];
    private int _used = BlockSize; // no block yet
    private int[] _meta = new int[1024];
    private int _metaLength;
    private readonly List<Shape> _shapes = [];
    private readonly Dictionary<string, int> _shapeIds = new(StringComparer.Ordinal);

    /// <summary>The field names of a row's cells, and the widest cell of each.</summary>
    public sealed class Shape(string[] fields)
    {
        public string[] Fields { get; } = fields;
        public int[] Widths { get; } = new int[fields.Length];
        /// <summary>True once a row of this shape is stored (shapes of rows left out by <c>--select</c> add no width).</summary>
        public bool Used { get; set; }
    }

    public int Count { get; private set; }
    public IReadOnlyList<Shape> Shapes => _shapes;

    /// <summary>The id of the shape with these fields, registered when new.</summary>
    public int ShapeOf(IReadOnlyList<string> fields)
    {
        if (_shapes.Count > 0 && SameFields(_shapes[_lastShape].Fields, fields)) return _lastShape;
        string key = string.Join('\0', fields);
        if (!_shapeIds.TryGetValue(key, out int id))
        {
            id = _shapes.Count;
            _shapes.Add(new Shape([.. fields]));
            _shapeIds[key] = id;
        }
        _lastShape = id;
        return id;
    }

    private int _lastShape;

    private static bool SameFields(string[] a, IReadOnlyList<string> b)
    {
        if (a.Length != b.Count) return false;
        for (int i = 0; i < a.Length; i++)
            if (!string.Equals(a[i], b[i], StringComparison.Ordinal)) return false;
        return true;
    }

    /// <summary>Stores a row: one text per field of its shape.</summary>
    public void Add(int shapeId, IReadOnlyList<string> cells)
    {
        var shape = _shapes[shapeId];
        shape.Used = true;
        int length = 0;
        foreach (var cell in cells) length += cell.Length;
        var block = Reserve(length);
        int start = _used;
        EnsureMeta(3 + cells.Count);
        _meta[_metaLength++] = _blocks.Count - 1;
        _meta[_metaLength++] = start;
        _meta[_metaLength++] = shapeId;
        int at = start;
        for (int c = 0; c < cells.Count; c++)
        {
            string cell = cells[c];
            cell.CopyTo(0, block, at, cell.Length);
            at += cell.Length;
            _meta[_metaLength++] = at;
            int w = TableRenderer.CellWidth(cell);
            if (w > shape.Widths[c]) shape.Widths[c] = w;
        }
        _used = at;
        Count++;
    }

    private char[] Reserve(int length)
    {
        if (_used + length <= BlockSize && _blocks.Count > 0) return _blocks[^1];
        // pinned and not cleared: kept to the end, a block would otherwise be copied by each collection that finds it young
        _blocks.Add(GC.AllocateUninitializedArray<char>(Math.Max(BlockSize, length), pinned: true));
        _used = 0;
        return _blocks[^1];
    }

    private void EnsureMeta(int more)
    {
        if (_metaLength + more <= _meta.Length) return;
        Array.Resize(ref _meta, Math.Max(_meta.Length * 2, _metaLength + more));
    }

    /// <summary>Reads the rows back in order.</summary>
    public Reader Read() => new(this);

    /// <summary>A forward cursor on the rows: the current row's shape and its cells.</summary>
    public sealed class Reader(CellStore store)
    {
        private int _offset;
        private int _cellsAt;
        public Shape Shape { get; private set; } = null!;
        public int ShapeId { get; private set; }
        private int _block, _start;

        public bool MoveNext()
        {
            if (_offset >= store._metaLength) return false;
            _block = store._meta[_offset];
            _start = store._meta[_offset + 1];
            ShapeId = store._meta[_offset + 2];
            Shape = store._shapes[ShapeId];
            _cellsAt = _offset + 3;
            _offset = _cellsAt + Shape.Fields.Length;
            return true;
        }

        /// <summary>The text of the current row's cell <paramref name="index"/> (index in its shape).</summary>
        public string Cell(int index)
        {
            var slice = Slice(index);
            return slice.IsEmpty ? "" : new string(slice.Span);
        }

        /// <summary>The characters of the current row's cell <paramref name="index"/>, where they are kept.</summary>
        public ReadOnlyMemory<char> Slice(int index)
        {
            int begin = index == 0 ? _start : store._meta[_cellsAt + index - 1];
            int end = store._meta[_cellsAt + index];
            return new ReadOnlyMemory<char>(store._blocks[_block], begin, end - begin);
        }
    }
}
