using System.Diagnostics;
using System.Text.Json.Nodes;
using AsperaNative.Transfer.Agents;
using AsperaNative.Transfer.Direct;
using AsperaNative.Transfer.Logging;

namespace AsperaNative.Transfer.Tests.Support;

/// <summary>A temporary folder with the stand-in ascp installed as <c>ascp</c> (and <c>ascp4</c>), and its run log.</summary>
public sealed class StandIn : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("transfer-test-").FullName;
    public string AscpPath { get; }
    public string LogPath => Path.Combine(Root, "ascp.log");
    public Dictionary<string, string> Environment { get; } = [];
    public StringWriter Stderr { get; } = new();

    public StandIn()
    {
        string bin = Path.Combine(Root, "bin");
        Directory.CreateDirectory(bin);
        AscpPath = Path.Combine(bin, "ascp");
        // a launcher: the stand-in's apphost when the SDK copied it, else through dotnet
        string dll = Path.Combine(AppContext.BaseDirectory, "ascp.dll");
        string apphost = Path.Combine(AppContext.BaseDirectory, "ascp");
        string command = File.Exists(apphost) ? $"exec \"{apphost}\" \"$@\"" : $"exec dotnet \"{dll}\" \"$@\"";
        foreach (var name in new[] { "ascp", "ascp4" })
        {
            string path = Path.Combine(bin, name);
            File.WriteAllText(path, "#!/bin/sh\n" + command + "\n");
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        Environment["ASCP_STANDIN_LOG"] = LogPath;
    }

    public string Path_(string relative) => Path.Combine(Root, relative);

    /// <summary>The SDK folder with the stand-ins of ascp and of the transfer daemon (asperatransferd), as an SDK install leaves it.</summary>
    public string InstallSdk()
    {
        string sdk = Path.Combine(Root, "sdk");
        Directory.CreateDirectory(sdk);
        Launcher(Path.Combine(sdk, "ascp"), "ascp");
        Launcher(Path.Combine(sdk, "asperatransferd"), "asperatransferd");
        foreach (var (k, v) in Environment) System.Environment.SetEnvironmentVariable(k, v);
        return sdk;
    }

    private static void Launcher(string path, string program)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, program + ".dll");
        string apphost = Path.Combine(AppContext.BaseDirectory, program);
        File.WriteAllText(path, "#!/bin/sh\n" + (File.Exists(apphost) ? $"exec \"{apphost}\" \"$@\"" : $"exec dotnet \"{dll}\" \"$@\"") + "\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public string File_(string relative, string content)
    {
        string path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>The runs recorded by the stand-in.</summary>
    public List<JsonObject> Runs()
        => File.Exists(LogPath) ? [.. File.ReadAllLines(LogPath).Where(static l => l.Length > 0).Select(static l => (JsonObject)JsonNode.Parse(l)!)] : [];

    public DirectAgent Agent(JsonObject? transferInfo = null)
    {
        foreach (var (k, v) in Environment) System.Environment.SetEnvironmentVariable(k, v);
        // the stand-in is a .NET program: on a loaded machine it may need more than ascp's 2 s to connect
        var info = (JsonObject?)transferInfo?.DeepClone() ?? [];
        info["spawn_timeout_sec"] ??= 30;
        return new DirectAgent(new AscpInstallation(Root, AscpPath, null, Path.Combine(Root, "sdk")), DirectOptions.From(info), new TransferLog(Stderr, "warn"))
        {
            FileListFolder = Path.Combine(Root, "lists"),
        };
    }

    public void Dispose()
    {
        foreach (var (k, _) in Environment) System.Environment.SetEnvironmentVariable(k, null);
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}

/// <summary>Records the management events of ascp (type and fields) for assertions.</summary>
public sealed class EventRecorder : ITransferListener
{
    private readonly List<Management.ManagementEvent> _events = [];
    public Action<Management.ManagementEvent>? OnEvent { get; init; }
    public List<string> Types { get { lock (_events) return [.. _events.Select(static e => e.Type)]; } }
    public Management.ManagementEvent? Last(string type) { lock (_events) return _events.LastOrDefault(e => e.Type == type); }
    public void OnProgress(ProgressEvent e) { }
    public void OnManagementEvent(Management.ManagementEvent e)
    {
        lock (_events) _events.Add(e);
        OnEvent?.Invoke(e);
    }
}

/// <summary>Records progress for assertions.</summary>
public sealed class RecordingListener : ITransferListener
{
    public List<ProgressEvent> Events { get; } = [];
    public void OnProgress(ProgressEvent e) { lock (Events) Events.Add(e); }
}
