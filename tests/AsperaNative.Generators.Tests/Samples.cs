namespace AsperaNative.Generators.Tests;

/// <summary>Sample plugins compiled by the tests (short nouns, as STJ's scenarios).</summary>
internal static class Samples
{
    public const string Usings = """
        using System.Text.Json.Nodes;
        using System.Threading.Tasks;
        using AsperaNative.Core.Attributes;
        using AsperaNative.Core.Commands;
        using AsperaNative.Core.Options;
        using AsperaNative.Core.Results;

        """;

    public const string SimpleOptions = Usings + """
        namespace Sample;

        [OptionSet]
        public sealed partial class SimpleOptions
        {
            /// <summary>URL of the server</summary>
            [Option("url", Required = true)] public partial string? Url { get; }
            /// <summary>Number of retries</summary>
            [Option("retries", Default = "3")] public partial long? Retries { get; }
            /// <summary>Check the certificate</summary>
            [Option("verify", Default = "yes")] public partial bool Verify { get; }
            /// <summary>Output <c>mode</c></summary>
            [Option("mode", Values = new[] { "fast", "slow" }, Default = "fast")] public partial string? Mode { get; }
            /// <summary>Extra settings</summary>
            [Option("extra", Cumulative = true)] public partial JsonObject? Extra { get; }
            /// <summary>User's password</summary>
            [Option("password", Sensitive = true)] public partial string? Password { get; }
        }
        """;

    public const string Plugin = Usings + """
        namespace Sample;

        /// <summary>Sample product</summary>
        [Plugin("sample")]
        public sealed class SamplePlugin(SimpleOptions options, PluginContext context)
        {
            public SimpleOptions Options { get; } = options;
            public PluginContext Context { get; } = context;
        }

        [CommandGroup("sample")]
        internal sealed class RootCommands(SamplePlugin plugin)
        {
            /// <summary>Show the URL</summary>
            [Command("info")]
            public Result Info() => Result.Text("url=" + plugin.Options.Url);
        }

        [CommandGroup("sample files")]
        internal sealed class FileCommands
        {
            /// <summary>List files</summary>
            [Command("ls|browse")]
            public static Result List([Argument("path")] string path) => Result.Text("ls " + path);

            /// <summary>Delete a file</summary>
            [Command("delete")]
            public static Task<Result> Delete(CommandContext context) => Task.FromResult(Result.Text("deleted"));
        }

        [CommandGroup("sample keys do <id>")]
        internal sealed class KeyCommands
        {
            /// <summary>Show one key</summary>
            [Command("show")]
            public static ValueTask<Result> Show(CommandContext context) => new(Result.Text("key " + context.Identifier("id")));
        }
        """;

    /// <summary>A command set (declared once, as in a library) mounted twice by a plugin, and mounting itself.</summary>
    public const string Mounted = Usings + """
        namespace Sample;

        [CommandSet("folder")]
        [MountCommands(typeof(Folder), "sub <name>", Scope = nameof(Sub))]
        public sealed class Folder(string path)
        {
            public string Path { get; } = path;
            public Folder Sub(CommandContext context) => new(Path + "/" + context.Identifier("name"));
        }

        [CommandGroup("folder")]
        internal sealed class FolderCommands(Folder folder, SimpleOptions options)
        {
            /// <summary>Show the folder and a file of it</summary>
            [Command("show")]
            public Result Show([Argument("file name", Name = "file")] string file, [Argument("depth")] long? depth = null)
                => Result.Text(folder.Path + ":" + file + ":" + (depth?.ToString() ?? "-") + ":" + options.Mode);
        }

        /// <summary>Product with folders</summary>
        [Plugin("mounting")]
        [MountCommands(typeof(Folder), "home", Scope = nameof(Home))]
        [MountCommands(typeof(Folder), "shared {zone:eu|us}", Scope = nameof(Shared), Verbs = "show")]
        public sealed class MountingPlugin(PluginContext context) : IApplicationDetector
        {
            public string ApplicationName => "Mounting";
            public Task<DetectedApplication?> DetectAsync(string addressOrUrl, System.Threading.CancellationToken cancel = default)
                => Task.FromResult(addressOrUrl == "here" ? new DetectedApplication("https://here", "1.0") : null);
            public Folder Home() => new("/home");
            public System.Threading.Tasks.Task<Folder> Shared(CommandContext command) => System.Threading.Tasks.Task.FromResult(new Folder("/shared/" + command.Identifier("zone")));
        }
        """;
}
