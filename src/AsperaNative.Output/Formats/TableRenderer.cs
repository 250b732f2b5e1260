using System.Text;

namespace AsperaNative.Output.Formats;

/// <summary>
/// Draws a table as the terminal-table gem (3.0) does for ascli: columns as wide as their widest line
/// (in terminal columns), multi-line cells, a row of empty cells drawn as a blank line (its height is
/// zero), each line right-trimmed, and line crossings drawn only where the rows above or below have
/// a column boundary (so a table without rows ends with a flat line).
/// Rows are written one by one; nothing but the cell texts is kept in memory.
/// </summary>
internal sealed class TableRenderer(TextWriter output, TableStyle style)
{
    private enum ItemType { Separator, Heading, Row }

    private readonly record struct Item(ItemType Type, int Index = -1);

    public void Render(IReadOnlyList<string> headings, IReadOnlyList<string[]> rows)
    {
        int columns = 0;
        foreach (var row in rows) columns = Math.Max(columns, row.Length);
        var widths = new int[columns];
        foreach (var row in rows) Measure(widths, row);
        var cells = new ReadOnlyMemory<char>[columns];
        Render(headings, widths, rows.Count, i => Slices(rows[i], cells), i => rows[i].Length);
    }

    /// <summary>The texts as slices, in <paramref name="into"/> (reused from row to row).</summary>
    private static ReadOnlySpan<ReadOnlyMemory<char>> Slices(IReadOnlyList<string> texts, ReadOnlyMemory<char>[] into)
    {
        for (int c = 0; c < texts.Count; c++) into[c] = texts[c].AsMemory();
        return into.AsSpan(0, texts.Count);
    }

    /// <summary>Gives the cells of row <c>index</c>, valid until the next call.</summary>
    public delegate ReadOnlySpan<ReadOnlyMemory<char>> RowCells(int index);

    /// <summary>
    /// Draws rows read one by one, in order, by <paramref name="rowAt"/> (a row's array may be reused for the next);
    /// <paramref name="rowWidths"/> are the widest cell of each column over the rows (headings are measured here).
    /// </summary>
    public void Render(IReadOnlyList<string> headings, int[] rowWidths, int rowCount, RowCells rowAt, Func<int, int> cellCount)
    {
        var widths = new int[Math.Max(headings.Count, rowWidths.Length)];
        rowWidths.CopyTo(widths, 0);
        Measure(widths, headings);

        int CellCount(Item? item) => item switch
        {
            { Type: ItemType.Heading } => headings.Count,
            { Type: ItemType.Row } i => cellCount(i.Index),
            _ => 0,
        };

        var headingCells = new ReadOnlyMemory<char>[headings.Count];
        var line = new StringBuilder(256);
        using var items = Items(headings.Count > 0, rowCount).GetEnumerator();
        Item? prev = null;
        Item? next = items.MoveNext() ? items.Current : null;
        int written = 0;
        while (next is { } item)
        {
            next = items.MoveNext() ? items.Current : null;
            line.Clear().Append(style.MarginLeft);
            switch (item.Type)
            {
                case ItemType.Heading: RenderRow(line, Slices(headings, headingCells), widths); break;
                case ItemType.Row: RenderRow(line, rowAt(item.Index), widths); break;
                default:
                    var kind = prev is null ? SeparatorKind.Top
                        : next is null ? SeparatorKind.Bottom
                        : prev.Value.Type == ItemType.Heading ? SeparatorKind.BelowHeading
                        : SeparatorKind.Middle;
                    RenderSeparator(line, widths, kind, CellCount(prev), CellCount(next));
                    break;
            }
            TrimEnd(line, style.MarginLeft.Length);
            if (written > 0) output.Write('\n');
            output.Write(line);
            written++;
            prev = item;
        }
        // the table text goes through Ruby's puts: a newline unless it already ends with one
        bool endsWithNewline = written > 1 && line.Length == 0 && style.MarginLeft.Length == 0;
        if (!endsWithNewline) output.Write('\n');
    }

    /// <summary>The lines of the table in order: borders, heading, rows and the separators between them.</summary>
    private IEnumerable<Item> Items(bool heading, int rowCount)
    {
        if (style.Top) yield return new(ItemType.Separator);
        if (heading)
        {
            yield return new(ItemType.Heading);
            yield return new(ItemType.Separator);
        }
        for (int r = 0; r < rowCount; r++)
        {
            yield return new(ItemType.Row, r);
            if (style.AllSeparators && r < rowCount - 1) yield return new(ItemType.Separator);
        }
        if (style.Bottom) yield return new(ItemType.Separator);
    }

    /// <summary>The width of a cell: its widest line, in terminal columns.</summary>
    public static int CellWidth(string value)
    {
        if (!value.Contains('\n')) return DisplayWidth.Of(value);
        int w = 0;
        foreach (var l in Lines(value.AsMemory())) w = Math.Max(w, DisplayWidth.Of(l.Span));
        return w;
    }

    private static void Measure(int[] widths, IReadOnlyList<string> cells)
    {
        for (int c = 0; c < cells.Count; c++)
        {
            int w = CellWidth(cells[c]);
            if (w > widths[c]) widths[c] = w;
        }
    }

    private void RenderRow(StringBuilder line, ReadOnlySpan<ReadOnlyMemory<char>> cells, int[] widths)
    {
        var (left, center, right) = style.Vertical;
        // single-line cells are the common case: no splitting
        bool multi = false;
        int height = 0;
        foreach (var cell in cells)
        {
            if (cell.Span.Contains('\n')) { multi = true; break; }
            if (cell.Length > 0) height = 1;
        }
        if (!multi)
        {
            if (height == 0) return;
            line.Append(left);
            for (int c = 0; c < cells.Length; c++)
            {
                if (c > 0) line.Append(center);
                AppendCell(line, cells[c], widths[c]);
            }
            line.Append(right);
            return;
        }
        var split = new List<ReadOnlyMemory<char>>[cells.Length];
        for (int c = 0; c < cells.Length; c++)
        {
            split[c] = Lines(cells[c]);
            height = Math.Max(height, split[c].Count);
        }
        for (int h = 0; h < height; h++)
        {
            if (h > 0) line.Append('\n');
            line.Append(left);
            for (int c = 0; c < cells.Length; c++)
            {
                if (c > 0) line.Append(center);
                AppendCell(line, h < split[c].Count ? split[c][h] : ReadOnlyMemory<char>.Empty, widths[c]);
            }
            line.Append(right);
        }
    }

    private void AppendCell(StringBuilder line, ReadOnlyMemory<char> text, int width)
    {
        int pad = Math.Max(0, width - DisplayWidth.Of(text.Span));
        int before = style.Alignment switch { "right" => pad, "center" => pad / 2, _ => 0 };
        line.Append(' ', style.PaddingLeft + before).Append(text).Append(' ', style.PaddingRight + pad - before);
    }

    private void RenderSeparator(StringBuilder line, int[] widths, SeparatorKind kind, int prevCells, int nextCells)
    {
        var h = style.Horizontal(kind);
        int padding = style.PaddingLeft + style.PaddingRight;
        line.Append(h.Left);
        for (int c = 0; c < widths.Length; c++)
        {
            for (int n = 0; n < widths[c] + padding; n++) line.Append(h.Flat);
            if (c == widths.Length - 1) break;
            bool up = c + 1 <= prevCells, down = c + 1 <= nextCells;
            line.Append(up && down ? h.UpDown : up ? h.Up : down ? h.Down : h.UpDown.Length > 0 ? h.Flat : "");
        }
        line.Append(h.Right);
    }

    /// <summary>Ruby's <c>split(/\n/)</c>: trailing empty lines are dropped.</summary>
    private static List<ReadOnlyMemory<char>> Lines(ReadOnlyMemory<char> value)
    {
        var lines = new List<ReadOnlyMemory<char>>();
        var rest = value;
        while (true)
        {
            int end = rest.Span.IndexOf('\n');
            if (end < 0) { lines.Add(rest); break; }
            lines.Add(rest[..end]);
            rest = rest[(end + 1)..];
        }
        while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        return lines;
    }

    /// <summary>Ruby's <c>rstrip</c> of the rendered row, which comes after the left margin.</summary>
    private static void TrimEnd(StringBuilder sb, int keep)
    {
        int end = sb.Length;
        while (end > keep && char.IsWhiteSpace(sb[end - 1])) end--;
        sb.Length = end;
    }
}
