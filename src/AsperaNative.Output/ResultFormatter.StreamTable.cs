using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Results;
using AsperaNative.Core.Values;
using AsperaNative.Output.Fields;
using AsperaNative.Output.Flatten;
using AsperaNative.Output.Formats;
using AsperaNative.Output.Secrets;
using AsperaNative.Output.Text;

namespace AsperaNative.Output;

/// <summary>
/// The <c>table</c> and <c>csv</c> formats of a list that flows, same bytes as <see cref="DisplayTabular"/>.
/// When the fields are known before the rows (declared defaults, an explicit <c>--fields</c>), only their
/// cells are kept, and csv and one-table-per-row layouts write each row as it comes; otherwise each row's
/// own cells are kept with its shape, and the fields (the union over every row) are computed at the end.
/// The first row is held until a second one comes: one row of one field is shown bare.
/// </summary>
public sealed partial class ResultFormatter
{
    private async Task DisplayTabularAsync(Result result, ItemCursor cursor, bool hide)
    {
        bool valueList = result.Kind == ResultKind.ValueList;
        if (!valueList && result.Kind != ResultKind.ObjectList) throw CliException.Assertion($"a list that flows must be an object or value list, not {result.Kind}");
        _hideWhileWriting = hide && !valueList;
        string name = result.Name ?? "";
        var fields = valueList ? [name] : FieldsWithoutRows(_settings.Fields, result.Fields);
        var table = new StreamedTable(this, fields);
        while (await cursor.NextAsync() is (true, var item))
        {
            Row row;
            if (valueList)
            {
                row = new Row(1) { [name] = hide && item is JsonObject or JsonArray ? SecretRedactor.Redact(item) : item };
            }
            else
            {
                if (item is not JsonObject obj) throw CliException.Assertion($"expecting Array of Hash: {RubyInspect.Inspect(item)}");
                if (table.TryAddFlat(obj)) continue;
                row = ToRow(obj);
            }
            table.Add(row);
        }
        table.End(result.Fields);
    }

    /// <summary>The rows of one streamed table or csv, kept as cell texts only.</summary>
    private sealed class StreamedTable(ResultFormatter formatter, List<string>? knownFields)
    {
        private readonly OutputSettings _settings = formatter._settings;
        private readonly CellStore _store = new();
        private readonly List<string> _cells = [];
        private List<string>? _fields = knownFields;
        private Row? _first;
        private long _count;
        private bool _flowing;
        private CsvLines? _csv;
        private TableRenderer? _renderer;
        private readonly JsonObject? _select = formatter._settings.Select as JsonObject;

        private bool Csv => _settings.Format == "csv";
        /// <summary>One field/value table per row (<c>--multi-single=yes</c>, or <c>single</c> with one row).</summary>
        private bool TransposedEach => _settings.MultiSingle == "yes";

        public void Add(Row row)
        {
            // the shape of every row counts for ALL/DEF, before --select leaves some out
            int shape = _fields is null ? _store.ShapeOf(row.Keys) : -1;
            if (_select is not null && !RowSelector.Matches(_select, row.Get)) return;
            _count++;
            if (_count == 1)
            {
                _first = row;
                _firstShape = shape;
                return;
            }
            if (_count == 2) Keep(_first!, _firstShape);
            Keep(row, shape);
        }

        private int _firstShape;
        private readonly List<string> _keys = [];
        private readonly List<string> _flatCells = [];

        /// <summary>
        /// A row whose values each make one cell (most listings), past the first two and without <c>--select</c>: its cells are
        /// taken from the object as flattening would give them, without building the row. False: use <see cref="Add"/>.
        /// </summary>
        public bool TryAddFlat(JsonObject obj)
        {
            if (_count < 2 || _select is not null || !_settings.FlatHash) return false;
            _keys.Clear();
            _flatCells.Clear();
            // by index: an enumerator would be one more object and interface calls for every item of the listing
            for (int i = 0; i < obj.Count; i++)
            {
                var (key, value) = obj.GetAt(i);
                if (!HashFlattener.TryOneCell(key, value, formatter._hideWhileWriting, out string cell)) return false;
                _keys.Add(key);
                _flatCells.Add(cell);
            }
            _count++;
            if (_fields is null)
            {
                _store.Add(_store.ShapeOf(_keys), _flatCells);
                return true;
            }
            _cells.Clear();
            foreach (var field in _fields)
            {
                int at = _keys.IndexOf(field);
                _cells.Add(at < 0 ? "" : _flatCells[at]);
            }
            WriteKnown();
            return true;
        }

        /// <summary>A row past the first: written now (csv, transposed tables of known fields) or its cells kept.</summary>
        private void Keep(Row row, int shape)
        {
            _cells.Clear();
            if (_fields is null)
            {
                foreach (var (_, value) in row) _cells.Add(RubyToS.Of(value));
                _store.Add(shape, _cells);
                return;
            }
            foreach (var field in _fields) _cells.Add(RubyToS.Of(row.Get(field)));
            WriteKnown();
        }

        /// <summary>The cells of a row of known fields (in <c>_cells</c>): written now or kept.</summary>
        private void WriteKnown()
        {
            var fields = _fields!;
            if (Csv) (_csv ??= new CsvLines(formatter._data)).Write(_cells);
            else if (TransposedEach) RenderTransposed(fields, _cells);
            else _store.Add(_store.ShapeOf(fields), _cells);
            _flowing = true;
        }

        public void End(IReadOnlyList<string>? defaults)
        {
            if (_fields is null)
            {
                var union = new List<string>();
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var shape in _store.Shapes)
                    foreach (var f in shape.Fields)
                        if (seen.Add(f)) union.Add(f);
                _fields = FieldSelector.Compute(_settings.Fields, () => union, () => defaults ?? union);
            }
            var fields = _fields;
            if (_count == 0)
            {
                if (!Csv) RubyText.PutsString(formatter._info, "<empty>");
                return;
            }
            if (_count == 1)
            {
                // one value asked: shown bare, as Ruby's puts shows it
                if (fields.Count == 1) { RubyText.Puts(formatter._data, _first!.Get(fields[0])); return; }
                _cells.Clear();
                foreach (var field in fields) _cells.Add(RubyToS.Of(_first!.Get(field)));
                if (Csv)
                {
                    var one = new CsvLines(formatter._data);
                    one.Write(_cells);
                    one.End();
                }
                else if (TransposedEach || _settings.MultiSingle == "single") RenderTransposed(fields, _cells);
                else Renderer.Render(fields, [[.. _cells]]);
                return;
            }
            if (_flowing && (Csv || TransposedEach))
            {
                _csv?.End();
                return;
            }
            // the kept cells, projected on the fields
            var projection = new int[_store.Shapes.Count][];
            var widths = new int[fields.Count];
            for (int s = 0; s < projection.Length; s++)
            {
                var shape = _store.Shapes[s];
                var map = projection[s] = new int[fields.Count];
                for (int c = 0; c < fields.Count; c++)
                {
                    map[c] = Array.IndexOf(shape.Fields, fields[c]);
                    if (shape.Used && map[c] >= 0 && shape.Widths[map[c]] > widths[c]) widths[c] = shape.Widths[map[c]];
                }
            }
            var reader = _store.Read();
            var line = new string[fields.Count];
            int[] NextMap()
            {
                if (!reader.MoveNext()) throw CliException.Assertion("table rows ended early");
                return projection[reader.ShapeId];
            }
            string[] NextRow(int _)
            {
                var map = NextMap();
                for (int c = 0; c < line.Length; c++) line[c] = map[c] < 0 ? "" : reader.Cell(map[c]);
                return line;
            }
            // a table is drawn from the kept characters themselves: no text is made for its cells
            var slices = new ReadOnlyMemory<char>[fields.Count];
            ReadOnlySpan<ReadOnlyMemory<char>> NextSlices(int _)
            {
                var map = NextMap();
                for (int c = 0; c < slices.Length; c++) slices[c] = map[c] < 0 ? ReadOnlyMemory<char>.Empty : reader.Slice(map[c]);
                return slices;
            }
            if (Csv)
            {
                var csv = new CsvLines(formatter._data);
                for (int r = 0; r < _store.Count; r++) csv.Write(NextRow(r));
                csv.End();
                return;
            }
            if (TransposedEach)
            {
                for (int r = 0; r < _store.Count; r++) RenderTransposed(fields, NextRow(r));
                return;
            }
            Renderer.Render(fields, widths, _store.Count, NextSlices, _ => fields.Count);
        }

        private TableRenderer Renderer => _renderer ??= new TableRenderer(formatter._data, TableStyle.Parse(_settings.TableStyle));

        private void RenderTransposed(List<string> fields, IReadOnlyList<string> cells)
        {
            var pairs = new List<string[]>(fields.Count);
            for (int c = 0; c < fields.Count; c++) pairs.Add([fields[c], cells[c]]);
            Renderer.Render(SingleObjectHeadings, pairs);
        }
    }

    /// <summary>csv lines written one by one: values joined with commas, rows with newlines, and puts' final newline.</summary>
    private sealed class CsvLines(TextWriter output)
    {
        private long _rows;
        private string[] _last = [];

        public void Write(IReadOnlyList<string> cells)
        {
            if (_rows > 0) output.Write('\n');
            for (int c = 0; c < cells.Count; c++)
            {
                if (c > 0) output.Write(',');
                output.Write(cells[c]);
            }
            _rows++;
            if (_last.Length != cells.Count) _last = new string[cells.Count];
            for (int c = 0; c < cells.Count; c++) _last[c] = cells[c];
        }

        /// <summary>The text goes through puts: a newline unless it already ends with one.</summary>
        public void End()
        {
            char? end = _last.Length > 1 ? (_last[^1].Length > 0 ? _last[^1][^1] : ',')
                : _last.Length == 1 && _last[0].Length > 0 ? _last[0][^1]
                : _rows > 1 ? '\n' : null;
            if (end != '\n') output.Write('\n');
        }
    }
}
