using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.ExtendedValues;
using AsperaNative.Core.Values;

namespace AsperaNative.Core.Options;

/// <summary>
/// Option values, layered as ascli does. Options are declared in stages (global, then the
/// plugin's); each <see cref="Parse"/> applies, for the options declared so far, the pending
/// presets, then <c>ASCLI_*</c> variables, then command line options in order; what is not yet
/// declared stays pending for the next stage, and what is left at the end is an error.
/// Consequence kept from ascli: presets loaded after the global stage override global options
/// given on the command line.
/// </summary>
public sealed class OptionStore
{
    private readonly Dictionary<string, OptionDescriptor> _declared = new(StringComparer.Ordinal);
    private readonly List<OptionDescriptor> _declaredInOrder = [];
    private readonly Dictionary<string, JsonNode?> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Action<JsonNode?>> _handlers = new(StringComparer.Ordinal);
    private readonly List<KeyValuePair<string, JsonNode?>> _pendingPresets = [];
    private readonly List<KeyValuePair<string, string>> _pendingEnvironment;
    private readonly List<string> _pendingCommandLine;
    private readonly ExtendedValueContext _extendedValues;

    public OptionStore(IEnumerable<string> commandLineOptions, IEnumerable<KeyValuePair<string, string>> environment, ExtendedValueContext extendedValues)
    {
        _pendingCommandLine = [.. commandLineOptions];
        InitialCommandLine = [.. _pendingCommandLine];
        _pendingEnvironment = [.. environment];
        _extendedValues = extendedValues;
    }

    /// <summary>The option tokens as given, for <c>config preset update</c> which stores them.</summary>
    public IReadOnlyList<string> InitialCommandLine { get; }

    /// <summary>Command line option tokens that no declared option has taken (yet).</summary>
    public IReadOnlyList<string> UnprocessedCommandLine => _pendingCommandLine;

    public IReadOnlyList<OptionDescriptor> Declared => _declaredInOrder;

    public ExtendedValueContext ExtendedValues => _extendedValues;

    /// <summary>Declares options; their defaults are set at once. Redeclaring the same name is ignored.</summary>
    public void Declare(IEnumerable<OptionDescriptor> descriptors)
    {
        foreach (var d in descriptors)
        {
            if (!_declared.TryAdd(d.Name, d)) continue;
            _declaredInOrder.Add(d);
            if (d.Default is null) continue;
            // an option with a handler sees its default now; the others get it when first read
            if (_handlers.ContainsKey(d.Name)) Assign(d, DefaultValue(d), "default");
            else _unreadDefaults[d.Name] = d;
        }
    }

    // defaults of declared options not read yet: a run reads a few of the hundreds it declares, and evaluating
    // each default (extended value, type conversion) was a tenth of the start-up of a short command
    private readonly Dictionary<string, OptionDescriptor> _unreadDefaults = new(StringComparer.Ordinal);

    private JsonNode? DefaultValue(OptionDescriptor d) => Convert(d, ExtendedValue.Evaluate(d.Default!, _extendedValues), "default");

    /// <summary>Gives an option its default if it still waits for it (no handler: as when declared before any).</summary>
    private void ReadDefault(string name)
    {
        if (_unreadDefaults.Remove(name, out var d)) Store(d, DefaultValue(d), runHandler: false);
    }

    public bool IsDeclared(string name) => _declared.ContainsKey(name);

    /// <summary>Runs <paramref name="handler"/> each time the option is set (e.g. <c>preset</c> loads a preset).</summary>
    public void OnSet(string name, Action<JsonNode?> handler) => _handlers[name] = handler;

    /// <summary>
    /// Queues a preset's values for the next <see cref="Parse"/>. With <paramref name="overrideQueued"/>
    /// false (a plugin's default preset) values already queued by another preset are kept.
    /// </summary>
    public void AddPreset(JsonObject preset, bool overrideQueued = true)
    {
        foreach (var (key, value) in preset)
        {
            int index = _pendingPresets.FindIndex(p => p.Key == key);
            if (index >= 0)
            {
                if (overrideQueued) _pendingPresets[index] = new(key, value?.DeepClone());
            }
            else
            {
                _pendingPresets.Add(new(key, value?.DeepClone()));
            }
        }
    }

    /// <summary>Applies pending presets, environment variables and command line options to declared options.</summary>
    public void Parse()
    {
        // one pass, as ascli: a preset named inside a preset (the "preset" key) is queued by this pass
        // and applied by the next parse (the plugin's), so in a config command it is never applied
        var ready = _pendingPresets.Where(p => _declared.ContainsKey(p.Key)).ToList();
        _pendingPresets.RemoveAll(p => _declared.ContainsKey(p.Key));
        foreach (var (key, value) in ready) SetFromSource(_declared[key], value, "preset");
        for (int i = 0; i < _pendingEnvironment.Count;)
        {
            var (name, raw) = _pendingEnvironment[i];
            if (_declared.TryGetValue(name, out var d))
            {
                _pendingEnvironment.RemoveAt(i);
                SetFromSource(d, d.Type == OptionType.Flag ? JsonScalar.Bool(true) : JsonScalar.Text(raw), "env");
            }
            else i++;
        }
        for (int i = 0; i < _pendingCommandLine.Count;)
        {
            if (TryParseCommandLine(_pendingCommandLine[i], i)) _pendingCommandLine.RemoveAt(i);
            else i++;
        }
    }

    /// <summary>Removes and returns the <c>--name=value</c> tokens given on the command line, names with underscores (for <c>preset update</c>).</summary>
    public List<KeyValuePair<string, JsonNode?>> TakeCommandLineTable()
    {
        var table = new List<KeyValuePair<string, JsonNode?>>();
        foreach (var token in InitialCommandLine)
        {
            if (!token.StartsWith("--", StringComparison.Ordinal) || token.Length == 2) throw CliException.BadArgument($"wrong option format: {token}");
            int eq = token.IndexOf('=');
            if (eq < 0) continue;
            string name = token[2..eq].Replace('-', '_');
            int existing = table.FindIndex(p => p.Key == name);
            var value = ExtendedValue.Evaluate(token[(eq + 1)..], _extendedValues);
            if (existing >= 0) table[existing] = new(name, value); else table.Add(new(name, value));
            _pendingCommandLine.Remove(token);
        }
        return table;
    }

    private bool TryParseCommandLine(string token, int position)
    {
        OptionDescriptor? d;
        string? value;
        if (token.StartsWith("--", StringComparison.Ordinal))
        {
            int eq = token.IndexOf('=');
            string name = eq < 0 ? token[2..] : token[2..eq];
            value = eq < 0 ? null : token[(eq + 1)..];
            d = FindLong(name, token);
            if (d is null) return false;
            if (d.Type == OptionType.Flag)
            {
                if (value is not null) throw ParseError(position, "OptionParser::NeedlessArgument", $"needless argument: {token}");
            }
            else if (value is null)
            {
                throw ParseError(position, "OptionParser::MissingArgument", $"missing argument: {token}");
            }
        }
        else
        {
            if (token.Length < 2) return false;
            char letter = token[1];
            d = _declaredInOrder.FirstOrDefault(o => o.Short == letter);
            if (d is null) return false;
            value = token.Length > 2 ? token[2..] : null;
            if (d.Type == OptionType.Flag)
            {
                if (value is not null) throw ParseError(position, "OptionParser::NeedlessArgument", $"needless argument: {token}");
            }
            else if (value is null)
            {
                throw ParseError(position, "OptionParser::MissingArgument", $"missing argument: {token}");
            }
        }

        JsonNode? node;
        if (d.Type == OptionType.Flag) node = JsonScalar.Bool(true);
        else if (d.Type is OptionType.Enum or OptionType.Boolean)
        {
            // the option parser checks listed values on the raw text, before extended values
            var allowed = d.Type == OptionType.Boolean ? ValueLists.YesNo : d.Values!;
            var match = ValueLists.TryComplete(value!, allowed, out int count);
            if (match is null)
                throw ParseError(position, count == 0 ? "OptionParser::InvalidArgument" : "OptionParser::AmbiguousArgument",
                    $"{(count == 0 ? "invalid" : "ambiguous")} argument: {token}");
            node = JsonScalar.Text(match);
        }
        else if (d.Type == OptionType.Date) node = JsonScalar.Text(ParseDate(value!));
        else if (d.Type == OptionType.Integer)
        {
            // ascli's integer options are coerced by Ruby's option parser, on the raw text
            if (!RubyInteger.TryParse(value!, out long number)) throw ParseError(position, "OptionParser::InvalidArgument", $"invalid argument: {token}");
            node = JsonScalar.Integer(number);
        }
        else node = ExtendedValue.Evaluate(value!, _extendedValues);
        Assign(d, Convert(d, node, "cmdline"), "cmdline");
        return true;
    }

    private CliException ParseError(int position, string rubyClass, string message)
    {
        // the failing token is consumed; what follows stays unprocessed and is reported after the error
        _pendingCommandLine.RemoveAt(position);
        return CliException.Other(rubyClass, message);
    }

    private OptionDescriptor? FindLong(string name, string token)
    {
        var names = _declaredInOrder.Select(static d => d.Name.Replace('_', '-')).ToList();
        // Ruby's option parser reads underscores of a long option as hyphens (--flat_hash is --flat-hash)
        var match = ValueLists.TryComplete(name.Replace('_', '-'), names, out int count);
        if (match is null && count > 1) throw CliException.Other("OptionParser::AmbiguousOption", $"ambiguous option: {token}");
        return match is null ? null : _declaredInOrder[names.IndexOf(match)];
    }

    private void SetFromSource(OptionDescriptor d, JsonNode? raw, string where)
    {
        var value = ExtendedValue.Evaluate(raw, _extendedValues);
        Assign(d, Convert(d, value, where), where);
    }

    /// <summary>Sets a value from code (already evaluated), converted to the option's type.</summary>
    public void Set(string name, JsonNode? value, string where = "code")
    {
        if (!_declared.TryGetValue(name, out var d)) throw CliException.BadArgument($"Unknown option: {name}");
        Assign(d, Convert(d, value, where), where);
    }

    private static JsonNode? Convert(OptionDescriptor d, JsonNode? value, string where)
    {
        if (value is not JsonValue v) return value;
        switch (d.Type)
        {
            case OptionType.Boolean:
                if (v.GetValueKind() is JsonValueKind.True or JsonValueKind.False) return v;
                if (JsonScalar.TryGetText(v, out string? yn))
                    return JsonScalar.Bool(ValueLists.Match(yn, $"{d.Name} in {where}", ["no", "yes", "false", "true"]) is "yes" or "true");
                return v;
            case OptionType.Enum when JsonScalar.TryGetText(v, out string? word):
                return JsonScalar.Text(ValueLists.Match(word, $"{d.Name} in {where}", d.Values!));
            case OptionType.Integer when JsonScalar.TryGetText(v, out string? text):
                if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long l)) return JsonScalar.Integer(l);
                throw CliException.Other("ArgumentError", $"invalid value for Integer(): \"{text}\"");
            case OptionType.Float when JsonScalar.TryGetText(v, out string? ftext):
                if (double.TryParse(ftext, NumberStyles.Float, CultureInfo.InvariantCulture, out double f)) return JsonValue.Create(f);
                throw CliException.Other("ArgumentError", $"invalid value for Float(): \"{ftext}\"");
            default:
                return v;
        }
    }

    private void Assign(OptionDescriptor d, JsonNode? value, string where)
    {
        // a cumulative option merges into its current value, which may still be its default
        if (d.Cumulative) ReadDefault(d.Name);
        else _unreadDefaults.Remove(d.Name);
        if (d.Cumulative && value is JsonObject incoming && _values.TryGetValue(d.Name, out var current) && current is JsonObject existing && where != "default")
            value = JsonMerge.Deep(existing, incoming);
        Store(d, value, runHandler: true);
    }

    private void Store(OptionDescriptor d, JsonNode? value, bool runHandler)
    {
        if (d.Types is { } types && value is not null && !types.Contains(ArgumentBinder.RubyClass(value)))
            throw CliException.BadArgument($"Option {d.Name} is a {ArgumentBinder.RubyClass(value)} but must be {ArgumentBinder.MustBe(types)}");
        _values[d.Name] = value;
        if (runHandler && _handlers.TryGetValue(d.Name, out var handler)) handler(value);
    }

    private static string ParseDate(string value)
    {
        static string Format(DateTime t) => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        if (value == "now") return Format(DateTime.Now);
        if (value.Length > 2 && value[0] == '-' && value.EndsWith('h') && int.TryParse(value[1..^1], CultureInfo.InvariantCulture, out int hours))
            return Format(DateTime.Now.AddHours(-hours));
        return value;
    }

    // ---- reading values ----

    public bool IsSet(string name) => Get(name) is not null;

    /// <summary>The current value (null when unset or nil).</summary>
    public JsonNode? Get(string name)
    {
        ReadDefault(name);
        return _values.TryGetValue(name, out var v) ? v : null;
    }

    /// <summary>The value, or ascli's "Missing mandatory option" error (after asking on a terminal when interactive).</summary>
    public JsonNode GetMandatory(string name)
    {
        var v = Get(name);
        if (v is not null) return v;
        if (MandatoryPrompt is not null)
        {
            var answer = MandatoryPrompt(_declared.TryGetValue(name, out var d) ? d : new OptionDescriptor(name, OptionType.String, name));
            if (answer is not null)
            {
                Set(name, ExtendedValue.Evaluate(answer, _extendedValues), "interactive");
                if (Get(name) is { } asked) return asked;
            }
        }
        throw CliException.BadArgument($"Missing mandatory option: {name}");
    }

    /// <summary>Asks the user for a missing mandatory option; null when not interactive.</summary>
    public Func<OptionDescriptor, string?>? MandatoryPrompt { get; set; }

    public string? GetString(string name) => AsString(Get(name));
    public string GetMandatoryString(string name) => AsString(GetMandatory(name))!;
    public long? GetInteger(string name) => Get(name) is JsonValue v ? (v.TryGetValue(out long l) ? l : v.TryGetValue(out int i) ? i : v.TryGetValue(out double d) ? (long)d : (long?)null) : null;
    public double? GetFloat(string name) => Get(name) is JsonValue v ? (v.TryGetValue(out double d) ? d : v.TryGetValue(out long l) ? l : (double?)null) : null;
    public bool? GetBoolean(string name) => JsonScalar.AsBool(Get(name));
    public JsonObject? GetHash(string name) => Get(name) as JsonObject;
    public JsonArray? GetList(string name) => Get(name) switch
    {
        JsonArray a => a,
        JsonValue v when JsonScalar.TryGetText(v, out string? s) => [.. s.Split(',').Select(static x => (JsonNode?)JsonScalar.Text(x))],
        _ => null,
    };

    /// <summary>A value as text: strings as they are, other scalars as JSON.</summary>
    public static string? AsString(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when JsonScalar.TryGetText(v, out string? s) => s,
        _ => node.ToJsonString(),
    };
}
