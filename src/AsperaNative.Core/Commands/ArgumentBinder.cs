using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AsperaNative.Core.CommandLine;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Options;
using AsperaNative.Core.Values;

namespace AsperaNative.Core.Commands;

/// <summary>
/// Reads a leaf's declared arguments from the command line before its action runs, as ascli's
/// <c>get_next_argument</c> does: the description carries the accepted types (<c>path (String)</c>),
/// a missing mandatory value is <c>missing argument: …</c> (asked on a terminal when interactive),
/// a value of the wrong type <c>Argument path (String) is a Hash but must be String</c>.
/// </summary>
public static class ArgumentBinder
{
    public static object?[] Bind(IReadOnlyList<ArgumentSpec> specs, ArgumentReader reader, Func<bool>? bulk = null)
    {
        var values = new object?[specs.Count];
        for (int i = 0; i < specs.Count; i++)
        {
            var spec = specs[i];
            if (spec.Bulk && bulk?.Invoke() == true) spec = BulkForm(spec);
            values[i] = BindOne(spec, reader);
            if (specs[i].Bulk && spec != specs[i] && values[i] is JsonArray items && specs[i].Types.Count > 0)
                foreach (var item in items)
                    if (!specs[i].Types.Contains(RubyClass(item)))
                        throw CliException.BadArgument($"assertion failed: expecting one of [{string.Join(", ", specs[i].Types)}], but have {RubyClass(item)}");
        }
        return values;
    }

    /// <summary>A String position or argument as ascli reads it: <c>description (String)</c>, a number taken as its text.</summary>
    public static string BindString(string description, ArgumentReader reader)
        => (string)BindOne(new ArgumentSpec(description, description, ArgumentKind.String), reader)!;

    /// <summary>The form of a bulk argument with <c>--bulk=yes</c>: identifiers as a list, a Hash as an Array (of Hashes, checked after).</summary>
    private static ArgumentSpec BulkForm(ArgumentSpec spec)
        => spec.Types.Count == 0 || spec.Types.Contains("String")
            ? spec with { Kind = ArgumentKind.Value, Multiple = true, Types = ["String"] }
            : spec with { Kind = ArgumentKind.Value, Types = ["Array"] };

    /// <summary>The Ruby classes an argument accepts, as ascli appends them to its description.</summary>
    public static IReadOnlyList<string> Types(ArgumentSpec spec) => spec.Values is not null ? ["Symbol"] : spec.Kind switch
    {
        ArgumentKind.String => ["String"],
        ArgumentKind.Hash => ["Hash"],
        ArgumentKind.Array => ["Array"],
        ArgumentKind.Integer => ["Integer"],
        _ => spec.Types,
    };

    /// <summary>The description as ascli shows it in messages: with its types in parentheses.</summary>
    public static string Described(ArgumentSpec spec)
    {
        var types = Types(spec);
        return types.Count == 0 ? spec.Description : $"{spec.Description} ({string.Join(", ", types)})";
    }

    private static object? BindOne(ArgumentSpec spec, ArgumentReader reader)
    {
        if (spec.Kind == ArgumentKind.Pending) return new PendingArguments(reader, spec);
        string description = Described(spec);
        JsonNode? value;
        if (spec.Multiple)
        {
            if (reader.IsEmpty && spec.Optional) return spec.Kind == ArgumentKind.String ? Array.Empty<string>() : new JsonArray();
            var all = reader.NextMultiple(description, mandatory: true);
            if (spec.Values is { } words) all = [.. all.Select(v => (JsonNode?)JsonValue.Create(Word(v, description, words)))];
            foreach (var item in all) Check(spec, description, item);
            return spec.Kind == ArgumentKind.String ? all.Select(static v => Text(v)).ToArray() : (object)all;
        }
        if (reader.IsEmpty && spec.Optional) return null;
        if (spec.Values is { } choices)
        {
            return reader.NextWord(description, choices);
        }
        value = reader.NextValue(description);
        if (spec.Kind == ArgumentKind.Integer && value is JsonValue iv && JsonScalar.TryGetText(iv, out string? itext))
        {
            if (!long.TryParse(itext, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long parsed))
                throw CliException.BadArgument($"Invalid integer: {itext}");
            value = JsonScalar.Integer(parsed);
        }
        // a number from JSON or YAML is accepted where a String is expected
        if (spec.Kind == ArgumentKind.String && value is JsonValue nv && nv.GetValueKind() == JsonValueKind.Number)
            value = JsonScalar.Text(nv.ToJsonString());
        Check(spec, description, value);
        // object arms: JsonNode's implicit conversions would otherwise turn the string into a JsonValue
        return spec.Kind switch
        {
            ArgumentKind.String => (object)Text(value),
            ArgumentKind.Integer => value is JsonValue l && l.TryGetValue(out long n) ? n : Convert.ToInt64(((JsonValue)value!).GetValue<double>()),
            _ => value,
        };
    }

    private static string Word(JsonNode? value, string description, IReadOnlyList<string> words)
        => ValueLists.Match(value is JsonValue v && JsonScalar.TryGetText(v, out string? s) ? s : value?.ToJsonString() ?? "", description, words);

    private static string Text(JsonNode? value) => value is JsonValue v && JsonScalar.TryGetText(v, out string? s) ? s : value?.ToJsonString() ?? "";

    private static void Check(ArgumentSpec spec, string description, JsonNode? value)
    {
        var types = Types(spec);
        if (types.Count == 0 || spec.Values is not null) return;
        string actual = RubyClass(value);
        if (types.Contains(actual)) return;
        throw CliException.BadArgument($"Argument {description} is a {actual} but must be {MustBe(types)}");
    }

    /// <summary>The end of ascli's type error for arguments and options: <c>Hash</c> or <c>one of Hash,Proc</c>.</summary>
    internal static string MustBe(IReadOnlyCollection<string> types) => (types.Count > 1 ? "one of " : "") + string.Join(',', types);

    /// <summary>The Ruby class name of a decoded value.</summary>
    public static string RubyClass(JsonNode? value) => value switch
    {
        null => "NilClass",
        JsonObject => "Hash",
        JsonArray => "Array",
        // only a string can be a regex: other kinds need no typed read
        JsonValue v when v.GetValueKind() == JsonValueKind.String && RubyRegex.TryGet(v, out _) => "Regexp",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "String",
            JsonValueKind.True => "TrueClass",
            JsonValueKind.False => "FalseClass",
            JsonValueKind.Number => v.TryGetValue(out long _) ? "Integer" : "Float",
            _ => "NilClass",
        },
        _ => "Object",
    };
}
