using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AsperaNative.Core.Errors;
using AsperaNative.Core.ExtendedValues;
using AsperaNative.Core.Values;
using AsperaNative.Transfer.Agents;
using AsperaNative.Transfer.Direct;
using AsperaNative.Transfer.Logging;
using AsperaNative.Transfer.Management;

namespace AsperaNative.Asession;

/// <summary>
/// The session specification of the manual's "Tool: asession": <c>spec</c> (a transfer spec),
/// <c>agent</c> (direct agent parameters, as <c>--transfer-info</c>), <c>loglevel</c>, <c>file_list_folder</c>,
/// <c>sdk</c> (folder of ascp). Management events are JSON lines on stdout; JSON lines on stdin are commands
/// sent to ascp's management port (<c>{"type":"START","source":…}</c>), for persistent sessions (<c>keepalive</c>).
/// </summary>
internal static class SessionCommand
{
    private static readonly string[] KnownKeys = ["spec", "agent", "loglevel", "file_list_folder", "sdk"];

    public static int Run(string? session)
    {
        var terminal = AsperaNative.Core.Terminal.Terminal.FromConsole();
        try
        {
            string home = Environment.GetEnvironmentVariable("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            var context = new ExtendedValueContext(terminal, home);
            var value = ExtendedValue.Evaluate(session ?? "@json:@stdin:", context);
            if (value is not JsonObject parameters) throw CliException.BadArgument("session specification must be a Hash");
            foreach (var (key, _) in parameters)
                if (!KnownKeys.Contains(key)) throw CliException.BadArgument($"unknown session parameter: {key}");
            if (parameters["spec"] is not JsonObject spec) throw CliException.BadArgument("missing transfer spec: spec");
            var log = new TransferLog(terminal.Err, parameters["loglevel"]?.ToString() ?? "warn");
            string? sdk = parameters["sdk"]?.ToString();
            var installation = new AscpInstallation(home, sdk is null ? null : Path.Combine(sdk, "ascp"), null, sdk);
            var agent = new DirectAgent(installation, DirectOptions.From(parameters["agent"] as JsonObject), log)
            {
                FileListFolder = parameters["file_list_folder"]?.ToString() ?? Path.Combine(Path.GetTempPath(), $"{Environment.UserName}_asession_filelists"),
            };
            var events = new EventPrinter(terminal.Out);
            var statuses = agent.TransferAsync(spec, events, null, CancellationToken.None).GetAwaiter().GetResult();
            var errors = statuses.Where(static s => !s.Success).Select(static s => (JsonNode?)JsonValue.Create(s.Error!.Message)).ToArray();
            if (errors.Length == 0) return 0;
            events.Line(new JsonArray(errors).ToJsonString());
            terminal.Out.Flush();
            // ConsoleAppFramework reports a run ended by SIGINT/SIGTERM as a clean exit (0): an interrupted transfer is a failure
            Environment.Exit(1);
            return 1;
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

    /// <summary>Prints events as they come and forwards stdin commands to the management port.</summary>
    private sealed class EventPrinter(TextWriter output) : ITransferListener
    {
        private readonly Lock _lock = new();
        private Thread? _commands;

        public void OnProgress(ProgressEvent e) { }

        public void OnManagementEvent(ManagementEvent e) => Line(e.ToJson().ToJsonString());

        public void OnManagementConnected(Action<string> send)
        {
            if (_commands is not null || !Console.IsInputRedirected) return;
            _commands = new Thread(() => ForwardCommands(send)) { IsBackground = true, Name = "asession commands" };
            _commands.Start();
        }

        public void Line(string text)
        {
            lock (_lock)
            {
                output.WriteLine(text);
                output.Flush();
            }
        }

        /// <summary>One JSON object per line, snake_case keys become ascp's field names (<c>long_parameter</c> → <c>LongParameter</c>).</summary>
        private static void ForwardCommands(Action<string> send)
        {
            using var input = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
            while (input.ReadLine() is { } line)
            {
                if (line.Trim().Length == 0) continue;
                JsonObject? command;
                try { command = JsonNode.Parse(line) as JsonObject; }
                catch (JsonException) { continue; }
                if (command is null) continue;
                var frame = new StringBuilder(FaspMgrParser.Header).Append('\n');
                foreach (var (key, value) in command)
                    frame.Append(string.Concat(key.Split('_').Select(static w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..])))
                         .Append(": ").Append(RubyToS.Of(value)).Append('\n');
                frame.Append('\n');
                try { send(frame.ToString()); }
                catch (IOException) { return; }
            }
        }
    }
}
