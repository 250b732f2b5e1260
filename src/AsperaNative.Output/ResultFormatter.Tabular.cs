using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Results;
using AsperaNative.Core.Values;
using AsperaNative.Output.Fields;
using AsperaNative.Output.Flatten;
using AsperaNative.Output.Formats;
using AsperaNative.Output.Text;

namespace AsperaNative.Output;

public sealed partial class ResultFormatter
{
    private static readonly string[] SingleObjectHeadings = ["field", "value"];

    /// <summary>The <c>table</c> and <c>csv</c> formats, which depend on the kind of result.</summary>
    private void DisplayTabular(Result result, JsonNode? data)
    {
        switch (result.Kind)
        {
            case ResultKind.SingleObject:
                if (data is not JsonObject obj) throw CliException.Assertion($"expecting Hash, but have {RubyInspect.Inspect(data)}");
                DisplayObjects([ToRow(obj)], result.Fields, single: true);
                break;
            case ResultKind.ObjectList:
                if (data is not JsonArray list) throw CliException.Assertion($"expecting Array, but have {RubyInspect.Inspect(data)}");
                if (!list.All(static i => i is JsonObject)) throw CliException.Assertion($"expecting Array of Hash: {RubyInspect.Inspect(list)}");
                var rows = new List<Row>(list.Count);
                foreach (var item in list) rows.Add(ToRow((JsonObject)item!));
                DisplayObjects(rows, result.Fields, single: false);
                break;
            case ResultKind.ValueList:
                string name = result.Name ?? "";
                var values = new List<Row>();
                foreach (var item in data as JsonArray ?? []) values.Add(new Row(1) { [name] = item });
                DisplayTable(values, [name], single: false);
                break;
            case ResultKind.Empty:
                RubyText.PutsString(_info, "<empty>");
                break;
            case ResultKind.Nothing:
                break;
            case ResultKind.Status:
                RubyText.Puts(_info, data);
                break;
            case ResultKind.Text:
                RubyText.Puts(_data, data);
                break;
            default:
                RubyText.PutsString(_data, RubyPp.Pp(data));
                break;
        }
    }

    private Row ToRow(JsonObject obj) => _settings.FlatHash ? HashFlattener.Flatten(obj, _hideWhileWriting) : HashFlattener.AsRow(obj, _hideWhileWriting);

    private void DisplayObjects(List<Row> rows, IReadOnlyList<string>? defaults, bool single)
    {
        // fields are computed on all rows, before --select removes some
        List<string>? all = null;
        List<string> AllFields() => all ??= FieldSelector.AllFields(rows);
        var fields = FieldSelector.Compute(_settings.Fields, AllFields, () => defaults ?? AllFields());
        DisplayTable(rows, fields, single);
    }

    private void DisplayTable(List<Row> rows, List<string> fields, bool single)
    {
        if (_settings.Select is JsonObject select)
            rows = rows.Where(r => RowSelector.Matches(select, r.Get)).ToList();
        if (rows.Count == 0)
        {
            if (_settings.Format == "table") RubyText.PutsString(_info, "<empty>");
            return;
        }
        // one value asked: shown bare, as Ruby's puts shows it
        if (rows.Count == 1 && fields.Count == 1)
        {
            RubyText.Puts(_data, rows[0].Get(fields[0]));
            return;
        }
        var cells = new List<string[]>(rows.Count);
        foreach (var row in rows)
        {
            var line = new string[fields.Count];
            for (int c = 0; c < line.Length; c++) line[c] = RubyToS.Of(row.Get(fields[c]));
            cells.Add(line);
        }
        if (_settings.Format == "csv")
        {
            WriteCsv(cells);
            return;
        }
        var renderer = new TableRenderer(_data, TableStyle.Parse(_settings.TableStyle));
        bool transposed = single || _settings.MultiSingle == "yes" || (_settings.MultiSingle == "single" && cells.Count == 1);
        if (!transposed)
        {
            renderer.Render(fields, cells);
            return;
        }
        foreach (var line in cells)
        {
            var pairs = new List<string[]>(fields.Count);
            for (int c = 0; c < fields.Count; c++) pairs.Add([fields[c], line[c]]);
            renderer.Render(SingleObjectHeadings, pairs);
        }
    }

    /// <summary>Values joined with commas, rows with newlines, no header and no quoting (as 4.21).</summary>
    private void WriteCsv(List<string[]> cells)
    {
        var csv = new CsvLines(_data);
        foreach (var line in cells) csv.Write(line);
        csv.End();
    }
}
