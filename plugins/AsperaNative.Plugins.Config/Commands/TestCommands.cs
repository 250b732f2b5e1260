using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Results;

namespace AsperaNative.Plugins.Config.Commands;

/// <summary><c>config test</c>: internal commands for tests of error reporting.</summary>
[CommandGroup("config test")]
internal sealed class TestCommands
{
    private static readonly HashSet<string> NotExceptions = new(StringComparer.Ordinal) { "Object", "String", "Integer", "Float", "Hash", "Array", "Symbol", "Class", "Module", "Kernel" };

    /// <summary>Raise an exception of the given Ruby class with the given message</summary>
    [Command("throw")]
    public static Result Throw([Argument("exception class name", Name = "class")] string name, [Argument("exception text", Name = "message")] string message)
    {
        throw name switch
        {
            "Aspera::Cli::BadArgument" or "Cli::BadArgument" => CliException.BadArgument(message),
            "Aspera::Cli::Error" or "Cli::Error" => CliException.Tool(message),
            _ when NotExceptions.Contains(name) => CliException.Assertion($"{name} is not an exception: Class"),
            _ when name.EndsWith("Error", StringComparison.Ordinal) || name.EndsWith("Exception", StringComparison.Ordinal) || name.StartsWith("Errno::", StringComparison.Ordinal)
                => CliException.Other(name, message),
            _ => CliException.Other("NameError", $"uninitialized constant {name}"),
        };
    }

    /// <summary>Do nothing (web test placeholder)</summary>
    [Command("web")]
    public static Result Web() => Result.Nothing;
}
