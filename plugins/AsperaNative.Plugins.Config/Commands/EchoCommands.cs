using System.Text.Json.Nodes;
using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Results;

namespace AsperaNative.Plugins.Config.Commands;

/// <summary><c>config echo</c>: the probe of extended values and output formats.</summary>
[CommandGroup("config")]
internal sealed class EchoCommands
{
    /// <summary>Display the value of the argument, evaluated as an extended value</summary>
    [Command("echo")]
    public static Result Echo([Argument("value")] JsonNode value)
    {
        if (value is null) throw CliException.Assertion("result must have data");
        return Result.Auto(value);
    }
}
