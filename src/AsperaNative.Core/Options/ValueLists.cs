using AsperaNative.Core.Errors;

namespace AsperaNative.Core.Options;

/// <summary>Unique-prefix matching of a word in a fixed list, as ascli accepts commands and enum values.</summary>
public static class ValueLists
{
    /// <summary>The yes/no words of boolean options.</summary>
    public static readonly string[] YesNo = ["no", "yes"];

    /// <summary>The exact word, else the only word starting with it; null when none or several match.</summary>
    public static string? TryMatch(string shortValue, IReadOnlyList<string> allowed, out int matches)
    {
        matches = 0;
        string? found = null;
        foreach (var a in allowed)
        {
            if (a == shortValue) { matches = 1; return a; }
        }
        foreach (var a in allowed)
        {
            if (a.StartsWith(shortValue, StringComparison.Ordinal)) { matches++; found = a; }
        }
        return matches == 1 ? found : null;
    }

    /// <summary>
    /// Ruby OptionParser's completion, used for option names and listed values on the command line:
    /// like <see cref="TryMatch"/>, except that among several candidates the shortest wins when it
    /// is a prefix of all the others (<c>--format=js</c> is json, not jsonpp).
    /// </summary>
    public static string? TryComplete(string shortValue, IReadOnlyList<string> allowed, out int matches)
    {
        var exact = TryMatch(shortValue, allowed, out matches);
        if (exact is not null || matches < 2) return exact;
        var candidates = allowed.Where(a => a.StartsWith(shortValue, StringComparison.Ordinal)).OrderBy(static a => a.Length).ToList();
        string shortest = candidates[0];
        return candidates.All(c => c.StartsWith(shortest, StringComparison.Ordinal)) ? shortest : null;
    }

    /// <summary>ascli's <c>get_from_list</c>: the matching word or an error with the <c>Use:</c> list.</summary>
    public static string Match(string shortValue, string description, IReadOnlyList<string> allowed)
    {
        var match = TryMatch(shortValue, allowed, out int count);
        if (match is not null) return match;
        if (count == 0)
            throw CliException.BadArgument(CliException.WithUseList($"unknown value for {description}: {shortValue}", allowed));
        var candidates = allowed.Where(a => a.StartsWith(shortValue, StringComparison.Ordinal));
        throw CliException.BadArgument(CliException.WithUseList($"ambiguous shortcut for {description}: {shortValue}", candidates));
    }
}
