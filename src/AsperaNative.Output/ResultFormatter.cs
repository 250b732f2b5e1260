using System.Globalization;
using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Results;
using AsperaNative.Core.Values;
using AsperaNative.Output.Formats;
using AsperaNative.Output.Secrets;
using AsperaNative.Output.Text;

namespace AsperaNative.Output;

/// <summary>
/// Prints command results exactly as ascli 4.21 does, in every <c>--format</c>, with field selection,
/// row selection and secret redaction. All output goes to the given writer, which is written as it goes
/// (large lists are never assembled into one string).
/// Messages have a level: data (hidden by <c>--display=error</c>) and info (shown only by <c>--display=info</c>).
/// </summary>
public sealed partial class ResultFormatter
{
    private readonly OutputSettings _settings;
    private readonly TextWriter _output;
    private readonly TextWriter _data;
    private readonly TextWriter _info;
    private bool _hideWhileWriting;

    public ResultFormatter(OutputSettings settings, TextWriter output)
    {
        _settings = settings;
        _output = output;
        _data = settings.Display == "error" ? TextWriter.Null : output;
        _info = settings.Display == "info" ? output : TextWriter.Null;
    }

    /// <summary>The process exit code the result asks for (the <c>nagios</c> format sets it; 0 otherwise).</summary>
    public int ExitCode { get; private set; }

    /// <summary>An info-level line, e.g. "Saving config file.", hidden unless <c>--display=info</c>.</summary>
    public void DisplayStatus(string message) => RubyText.PutsString(_info, message);

    /// <summary>Shows a result (a list that flows is read here to its end: prefer <see cref="DisplayResultAsync"/>).</summary>
    public void DisplayResult(Result result)
    {
        if (result.Items is not null)
        {
            DisplayResultAsync(result).GetAwaiter().GetResult();
            return;
        }
        var kind = result.Kind;
        var data = result.Data;
        // 4.21 carries the symbol :nil as data of "empty" and "nothing" results
        bool symbolNil = kind is ResultKind.Empty or ResultKind.Nothing;
        if (data is null && !symbolNil) throw CliException.Assertion("result must have data");
        if (result.Total is long total) DisplayItemCount(symbolNil ? 3 : Length(data), total);
        bool hide = !_settings.ShowSecrets && _settings.Display != "data";
        // tables and plain json redact while writing (no copy of large lists); other paths redact a copy first
        bool lazy = FieldsSelectDefault && _settings.Format is "json" or "jsonpp"
            || _settings.Format is "table" or "csv" && kind is ResultKind.SingleObject or ResultKind.ObjectList;
        _hideWhileWriting = hide && lazy;
        if (hide && !lazy) data = SecretRedactor.Redact(data);
        switch (_settings.Format)
        {
            case "text":
                RubyText.PutsString(_data, symbolNil ? "nil" : RubyToS.Of(data));
                break;
            case "nagios":
                ExitCode = NagiosRenderer.Render(_output, symbolNil ? JsonValue.Create(":nil") : data);
                break;
            case "ruby":
                RubyText.PutsString(_data, symbolNil && FieldsSelectDefault ? ":nil\n" : RubyPp.Pp(FilterListOnFields(data, symbolNil)));
                break;
            case "json":
            case "jsonpp":
                var filtered = symbolNil && FieldsSelectDefault ? JsonValue.Create("nil") : FilterListOnFields(data, symbolNil);
                new RubyJsonWriter(_data, _settings.Format == "jsonpp", _hideWhileWriting).Write(filtered);
                _data.Write('\n');
                break;
            case "yaml":
                RubyText.PutsString(_data, symbolNil && FieldsSelectDefault ? "--- :nil\n" : EmitYaml(FilterListOnFields(data, symbolNil)));
                break;
            case "image":
                DisplayImage(kind, data, result.Fields);
                break;
            case "table":
            case "csv":
                DisplayTabular(result, data);
                break;
            default:
                throw new CliException("Other(Aspera::InternalError)", $"format: unexpected value: :{_settings.Format}");
        }
    }

    /// <summary>Ruby's <c>YAML.dump</c> (Psych layout), from the shared emitter.</summary>
    private static string EmitYaml(JsonNode? node) => Core.Yaml.YamlEmitter.Emit(node);

    private bool FieldsSelectDefault => Fields.FieldSelector.IsDefault(_settings.Fields) && _settings.Select is null;

    /// <summary>"Items: n/total" before a partial (or complete) list, unless both are zero.</summary>
    private void DisplayItemCount(long count, long total)
    {
        if (count == 0 && total == 0) return;
        DisplayStatus($"Items: {count.ToString(CultureInfo.InvariantCulture)}/{total.ToString(CultureInfo.InvariantCulture)}");
    }

    /// <summary>Ruby's <c>length</c> of the data: items of a list, keys of a hash, characters of a string.</summary>
    private static long Length(JsonNode? data) => data switch
    {
        JsonArray a => a.Count,
        JsonObject o => o.Count,
        JsonValue v when JsonScalar.TryGetText(v, out string? s) => s.EnumerateRunes().Count(),
        _ => 0,
    };
}
