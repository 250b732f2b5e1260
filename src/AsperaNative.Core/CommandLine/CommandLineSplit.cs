namespace AsperaNative.Core.CommandLine;

/// <summary>
/// argv cut in two, as ascli does before anything else: words starting with <c>-</c> are options
/// (kept in order), the others positional arguments; <c>--</c> ends options and is dropped.
/// </summary>
public sealed record CommandLineSplit(IReadOnlyList<string> Options, IReadOnlyList<string> Positionals)
{
    public static CommandLineSplit Of(IReadOnlyList<string> argv)
    {
        var options = new List<string>();
        var positionals = new List<string>();
        bool optionsAllowed = true;
        foreach (var arg in argv)
        {
            if (optionsAllowed && arg.Length > 0 && arg[0] == '-')
            {
                if (arg == "--") optionsAllowed = false;
                else options.Add(arg);
            }
            else positionals.Add(arg);
        }
        return new(options, positionals);
    }
}
