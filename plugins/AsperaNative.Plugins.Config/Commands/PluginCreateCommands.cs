using AsperaNative.Core.Attributes;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.Results;

namespace AsperaNative.Plugins.Config.Commands;

/// <summary><c>config plugins create</c>: ascli writes a Ruby plugin skeleton; plugins of this executable are compiled in.</summary>
[CommandGroup("config plugins")]
internal sealed class PluginCreateCommands
{
    /// <summary>Create a plugin skeleton (not possible: plugins are compiled in)</summary>
    [Command("create")]
    public static Result Create([Argument("name")] string name, [Argument("folder")] string? folder = null)
    {
        name = name.ToLowerInvariant();
        throw CliException.Tool($"cannot create plugin {name}: plugins are compiled into this executable, no plugin can be added at run time (add a project plugins/AsperaNative.Plugins.<Name> and rebuild, see docs/PLUGINS.md)");
    }
}
