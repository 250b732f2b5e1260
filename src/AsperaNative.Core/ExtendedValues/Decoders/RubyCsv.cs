using System.Text;

namespace AsperaNative.Core.ExtendedValues.Decoders;

/// <summary>Ruby's <c>CSV.parse</c> with default options: an empty unquoted cell is nil, a blank line an empty row.</summary>
internal static class RubyCsv
{
    public static List<List<string?>> Parse(string text)
    {
        var rows = new List<List<string?>>();
        var row = new List<string?>();
        var cell = new StringBuilder();
        bool quoted = false, inQuotes = false, rowHasContent = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') inQuotes = false;
                else cell.Append(c);
                continue;
            }
            switch (c)
            {
                case '"': inQuotes = true; quoted = true; rowHasContent = true; break;
                case ',': EndCell(); rowHasContent = true; break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n': break;
                case '\n' or '\r': EndRow(); break;
                default: cell.Append(c); rowHasContent = true; break;
            }
        }
        if (rowHasContent || cell.Length > 0) EndRow();
        return rows;

        void EndCell()
        {
            row.Add(cell.Length == 0 && !quoted ? null : cell.ToString());
            cell.Clear();
            quoted = false;
        }

        void EndRow()
        {
            if (rowHasContent) EndCell();
            rows.Add(row);
            row = [];
            rowHasContent = false;
        }
    }
}
