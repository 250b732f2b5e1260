using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.ExtendedValues;

namespace AsperaNative.Asession;

/// <summary>
/// The session specification of the manual's "Tool: asession": <c>spec</c> (a transfer spec),
/// <c>agent</c>, <c>loglevel</c>, <c>file_list_folder</c>, <c>sdk</c>. Events are JSON lines on stdout.
/// </summary>
internal static class SessionCommand
{
    private static readonly string[] KnownKeys = ["spec", "agent", "loglevel", "file_list_folder", "sdk"];

    public static int Run(string? session)
    {
        var terminal = AsperaNative.Core.Terminal.Terminal.FromConsole();
        try
        {
            var context = new ExtendedValueContext(terminal, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));
            var value = ExtendedValue.Evaluate(session ?? "@json:@stdin:", context);
            if (value is not JsonObject spec) throw CliException.BadArgument("session specification must be a Hash");
            foreach (var (key, _) in spec)
                if (!KnownKeys.Contains(key)) throw CliException.BadArgument($"unknown session parameter: {key}");
            if (spec["spec"] is not JsonObject) throw CliException.BadArgument("missing transfer spec: spec");
            // TODO(#6): start the direct agent and stream its management events as JSON lines
            throw CliException.Tool("the direct transfer agent is not available in this build");
        }
        catch (CliException e)
        {
            terminal.Err.WriteLine($"ERROR: {e.Kind}: {e.Message}");
            return 1;
        }
        finally
        {
            terminal.Out.Flush();
        }
    }
}
