using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Values;
using AsperaNative.Output.Fields;

namespace AsperaNative.Output;

public sealed partial class ResultFormatter
{
    private const string FilterRequiresList = "Filtering fields or select requires result is an Array of Hash";

    /// <summary>
    /// <c>--fields</c> and <c>--select</c> for the structured formats (ruby, json, jsonpp, yaml), on the
    /// unflattened data: the result must then be a list of hashes; one field gives the list of its values,
    /// several give each hash sliced to those fields (in the order asked).
    /// </summary>
    private JsonNode? FilterListOnFields(JsonNode? data, bool symbolNil)
    {
        if (FieldsSelectDefault) return data;
        if (data is not JsonArray list || symbolNil)
            throw CliException.Assertion($"{FilterRequiresList}: expecting Array, but have {(symbolNil ? ":nil" : RubyInspect.Inspect(data))}");
        if (!list.All(static i => i is JsonObject)) throw CliException.Assertion(FilterRequiresList);
        var rows = list.Select(static i => (JsonObject)i!).ToList();
        if (_settings.Select is JsonObject select)
            rows = rows.Where(r => RowSelector.Matches(select, k => r.TryGetPropertyValue(k, out var v) ? v : null)).ToList();
        if (FieldSelector.IsDefault(_settings.Fields))
            return new JsonArray([.. rows.Select(static r => r.DeepClone())]);
        // here DEF stands for the option's own text (ascli passes the option as the default list)
        var option = _settings.Fields;
        var fields = FieldSelector.Compute(option, () => FieldSelector.AllFields(rows),
            () => option is JsonArray ? FieldSelector.AllFields(rows) : [RubyToS.Of(option)]);
        if (fields.Count == 1)
            return new JsonArray([.. rows.Select(r => r.TryGetPropertyValue(fields[0], out var v) ? v?.DeepClone() : null)]);
        var result = new JsonArray();
        foreach (var row in rows)
        {
            var slice = new JsonObject();
            foreach (var field in fields)
                if (!slice.ContainsKey(field) && row.TryGetPropertyValue(field, out var v)) slice[field] = v?.DeepClone();
            result.Add((JsonNode)slice);
        }
        return result;
    }
}
