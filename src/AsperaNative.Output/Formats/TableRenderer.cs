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
        int columns = headings.Count;
        foreach (var row in rows) columns = Math.Max(columns, row.Length);
        var widths = new int[columns];
        Measure(widths, headings);
        foreach (var row in rows) Measure(widths, row);

        var items = new List<Item>(rows.Count + 4);
        if (style.Top) items.Add(new(ItemType.Separator));
        if (headings.Count > 0)
        {
            items.Add(new(ItemType.Heading));
            items.Add(new(ItemType.Separator));
        }
        for (int r = 0; r < rows.Count; r++)
        {
            items.Add(new(ItemType.Row, r));
            if (style.AllSeparators && r < rows.Count - 1) items.Add(new(ItemType.Separator));
        }
        if (style.Bottom) items.Add(new(ItemType.Separator));

        var line = new StringBuilder(256);
        for (int k = 0; k < items.Count; k++)
        {
            line.Clear().Append(style.MarginLeft);
            var item = items[k];
            switch (item.Type)
            {
                case ItemType.Heading: RenderRow(line, headings, widths); break;
                case ItemType.Row: RenderRow(line, rows[item.Index], widths); break;
                default:
                    var prev = k > 0 ? items[k - 1] : (Item?)null;
                    var next = k + 1 < items.Count ? items[k + 1] : (Item?)null;
                    var kind = prev is null ? SeparatorKind.Top
                        : next is null ? SeparatorKind.Bottom
                        : prev.Value.Type == ItemType.Heading ? SeparatorKind.BelowHeading
                        : SeparatorKind.Middle;
                    RenderSeparator(line, widths, kind, CellCount(prev, headings, rows), CellCount(next, headings, rows));
                    break;
            }
            TrimEnd(line, style.MarginLeft.Length);
            if (k > 0) output.Write('\n');
            output.Write(line);
        }
        // the table text goes through Ruby's puts: a newline unless it already ends with one
        bool endsWithNewline = items.Count > 1 && line.Length == 0 && style.MarginLeft.Length == 0;
        if (!endsWithNewline) output.Write('\n');
    }

    private static int CellCount(Item? item, IReadOnlyList<string> headings, IReadOnlyList<string[]> rows) => item switch
    {
        { Type: ItemType.Heading } => headings.Count,
        { Type: ItemType.Row } i => rows[i.Index].Length,
        _ => 0,
    };

    private static void Measure(int[] widths, IReadOnlyList<string> cells)
    {
        for (int c = 0; c < cells.Count; c++)
        {
            string value = cells[c];
            int w;
            if (value.Contains('\n'))
            {
                w = 0;
                foreach (var l in Lines(value)) w = Math.Max(w, DisplayWidth.Of(l));
            }
            else w = DisplayWidth.Of(value);
            if (w > widths[c]) widths[c] = w;
        }
    }

    private void RenderRow(StringBuilder line, IReadOnlyList<string> cells, int[] widths)
    {
        var (left, center, right) = style.Vertical;
        // single-line cells are the common case: no splitting
        bool multi = false;
        int height = 0;
        foreach (var cell in cells)
        {
            if (cell.Contains('\n')) { multi = true; break; }
            if (cell.Length > 0) height = 1;
        }
        if (!multi)
        {
            if (height == 0) return;
            line.Append(left);
            for (int c = 0; c < cells.Count; c++)
            {
                if (c > 0) line.Append(center);
                AppendCell(line, cells[c], widths[c]);
            }
            line.Append(right);
            return;
        }
        var split = new List<string>[cells.Count];
        for (int c = 0; c < cells.Count; c++)
        {
            split[c] = Lines(cells[c]);
            height = Math.Max(height, split[c].Count);
        }
        for (int h = 0; h < height; h++)
        {
            if (h > 0) line.Append('\n');
            line.Append(left);
            for (int c = 0; c < cells.Count; c++)
            {
                if (c > 0) line.Append(center);
                AppendCell(line, h < split[c].Count ? split[c][h] : "", widths[c]);
            }
            line.Append(right);
        }
    }

    private void AppendCell(StringBuilder line, string text, int width)
    {
        int pad = Math.Max(0, width - DisplayWidth.Of(text));
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
    private static List<string> Lines(string value)
    {
        var lines = new List<string>(value.Split('\n'));
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
