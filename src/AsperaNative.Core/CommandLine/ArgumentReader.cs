using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.ExtendedValues;
using AsperaNative.Core.Options;
using AsperaNative.Core.Values;

namespace AsperaNative.Core.CommandLine;

/// <summary>
/// Positional arguments, consumed in order: command words (by unique prefix) and command
/// parameters (extended values). What is left at the end is reported as unprocessed values.
/// </summary>
public sealed class ArgumentReader(IEnumerable<string> positionals, ExtendedValueContext extendedValues)
{
    private readonly List<string> _pending = [.. positionals];

    /// <summary>Asks the user for a missing mandatory argument; null when not interactive.</summary>
    public Func<string, IReadOnlyList<string>?, string?>? Prompt { get; set; }

    public bool IsEmpty => _pending.Count == 0;

    public IReadOnlyList<string> Remaining => _pending;

    /// <summary>The next command word among <paramref name="words"/> (unique prefix accepted).</summary>
    public string NextCommand(IReadOnlyList<string> words) => NextWord("command (Symbol)", words);

    /// <summary>
    /// The next command word among <paramref name="accepted"/> (the offered <paramref name="words"/> and hidden aliases):
    /// a missing word is asked among the offered ones only, as ascli does.
    /// </summary>
    public string NextCommand(IReadOnlyList<string> words, IReadOnlyList<string> accepted)
    {
        const string description = "command (Symbol)";
        if (_pending.Count == 0) return ValueLists.Match(AskOrFail(description, words), description, accepted);
        string word = _pending[0];
        _pending.RemoveAt(0);
        return ValueLists.Match(word, description, accepted);
    }

    /// <summary>The next word among <paramref name="words"/> (unique prefix accepted), <paramref name="description"/> naming it in errors.</summary>
    public string NextWord(string description, IReadOnlyList<string> words)
    {
        if (_pending.Count == 0) return ValueLists.Match(AskOrFail(description, words), description, words);
        string word = _pending[0];
        _pending.RemoveAt(0);
        return ValueLists.Match(word, description, words);
    }

    /// <summary>Drops what is left (after help or the version, which ignore what follows).</summary>
    public void Clear() => _pending.Clear();

    /// <summary>Looks at the next word without consuming it.</summary>
    public string? Peek() => _pending.Count > 0 ? _pending[0] : null;

    /// <summary>Puts a word back in front (a command that reads ahead).</summary>
    public void Unshift(string word) => _pending.Insert(0, word);

    /// <summary>The next parameter, evaluated as an extended value; null when optional and absent.</summary>
    public JsonNode? NextValue(string description, bool mandatory = true)
    {
        if (_pending.Count == 0)
        {
            if (!mandatory) return null;
            return ExtendedValue.Evaluate(AskOrFail(description, null), extendedValues);
        }
        string raw = _pending[0];
        _pending.RemoveAt(0);
        return ExtendedValue.Evaluate(raw, extendedValues);
    }

    /// <summary>The next parameter, which must be a string; the description shows the type as ascli does.</summary>
    public string NextString(string description) => NextOptionalString(description, mandatory: true)!;

    public string? NextOptionalString(string description, bool mandatory = false)
    {
        string full = description + " (String)";
        var value = NextValue(full, mandatory);
        if (value is null) return null;
        if (value is JsonValue v && JsonScalar.TryGetText(v, out string? s)) return s;
        throw CliException.BadArgument($"{full}: expecting String, but have {Values.RubyInspect.Inspect(value)}");
    }

    /// <summary>
    /// An entity identifier. <c>%field:value</c> (the manual's percent selector) is resolved by
    /// <paramref name="percentResolver"/>; commands without one reject it as ascli does.
    /// </summary>
    public string NextIdentifier(string description, Func<string, string, string>? percentResolver = null)
    {
        string id = NextString(description);
        if (!id.StartsWith('%')) return id;
        int colon = id.IndexOf(':');
        if (percentResolver is null || colon < 0)
            throw CliException.BadArgument("Percent syntax for identifier not supported in this context");
        return percentResolver(id[1..colon], id[(colon + 1)..]);
    }

    /// <summary>All remaining parameters; a single array argument is the whole list (manual).</summary>
    public JsonArray NextMultiple(string description, bool mandatory = true)
    {
        if (_pending.Count == 0)
        {
            if (!mandatory) return [];
            return [ExtendedValue.Evaluate(AskOrFail(description, null), extendedValues)];
        }
        var values = _pending.Select(raw => ExtendedValue.Evaluate(raw, extendedValues)).ToList();
        _pending.Clear();
        if (values.Count == 1 && values[0] is JsonArray whole) return whole;
        return [.. values];
    }

    private string AskOrFail(string description, IReadOnlyList<string>? choices)
    {
        var answer = Prompt?.Invoke(description, choices);
        if (answer is not null) return answer;
        string message = $"missing argument: {description}";
        throw CliException.BadArgument(choices is null ? message : CliException.WithUseList(message, choices));
    }
}
