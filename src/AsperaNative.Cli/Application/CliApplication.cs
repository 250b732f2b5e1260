using System.Collections;
using System.Text.Json.Nodes;
using AsperaNative.Core.CommandLine;
using AsperaNative.Core.Commands;
using AsperaNative.Core.Errors;
using AsperaNative.Core.ExtendedValues;
using AsperaNative.Core.Logging;
using AsperaNative.Config;
using AsperaNative.Core;
using AsperaNative.Rest;
using AsperaNative.Core.Options;
using AsperaNative.Core.Results;
using AsperaNative.Core.Terminal;
using AsperaNative.Core.Values;
using AsperaNative.Output;
using AsperaNative.Output.Images;
using AsperaNative.Transfer.Agents;

namespace AsperaNative.Cli.Application;

/// <summary>
/// One invocation, end to end (ARCHITECTURE "One invocation"): split argv, layer options
/// (global stage, presets, plugin stage), walk the command tree, run the action, format the
/// result, then report what was left unprocessed. Errors end as one <c>ERROR:</c> line and exit 1.
/// </summary>
public sealed class CliApplication
{
    private readonly Terminal _terminal;
    private readonly OptionStore _options;
    private readonly ArgumentReader _arguments;
    private readonly ExtendedValueContext _extendedValues;
    private readonly GlobalOptions _global;
    private readonly OutputOptions _output;
    private readonly Presets _presets;
    private readonly ErrorReporter _errors;
    private readonly PluginContext _context;
    private ResultFormatter? _formatter;
    private TextWriter? _outputFile;

    private CliApplication(IReadOnlyList<string> argv, Terminal terminal, IDictionary? environment)
    {
        _terminal = terminal;
        var split = CommandLineSplit.Of(argv);
        Func<string, string?> variable = environment is null ? Environment.GetEnvironmentVariable : name => environment[name] as string;
        string home = variable("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        _extendedValues = new ExtendedValueContext(terminal, home);
        var environmentOptions = environment is null ? EnvironmentOptions.OfProcess() : EnvironmentOptions.Of(environment);
        _options = new OptionStore(split.Options, environmentOptions, _extendedValues);
        _arguments = new ArgumentReader(split.Positionals, _extendedValues);
        _global = new GlobalOptions(_options);
        _output = new OutputOptions(_options);
        _presets = new Presets(_options, variable, home);
        _userHome = home;
        _errors = new ErrorReporter(terminal, () => _global.LogLevel is "debug" or "trace1" or "trace2");
        // nothing is built here: services are created on first use, through their providers
        _context = new PluginContext(_options, terminal, message => Formatter.DisplayStatus(message));
        // only a delegate: the HTTP stack is built on the first @uri:http(s) read
        _extendedValues.HttpReader = uri => UriReader.Response(uri, Rest).Data;
    }

    /// <param name="environment">The environment variables; null for those of this process (read as needed).</param>
    /// <param name="argumentsAreText">False when an argument is not valid UTF-8 (refused as ascli does).</param>
    public static async Task<int> RunAsync(IReadOnlyList<string> argv, Terminal terminal, IDictionary? environment, bool argumentsAreText = true)
    {
        var app = new CliApplication(argv, terminal, environment) { _argumentsAreText = argumentsAreText };
        try
        {
            return await app.RunAsync();
        }
        finally
        {
            // services in reverse order of creation: the REST stack before the log it writes to
            await app._context.DisposeAsync();
            app._presets.Dispose();
            app._outputFile?.Dispose();
            terminal.Out.Flush();
        }
    }

    private bool _argumentsAreText = true;
    private readonly string _userHome;

    private async Task<int> RunAsync()
    {
        int code = 0;
        ProcessGuard? guard = null;
        try
        {
            if (!_argumentsAreText) throw CliException.Other("ArgumentError", "invalid byte sequence in UTF-8");
            // global stage: env and command line for global options; -P presets are queued
            _options.Declare(GlobalOptionSets.Descriptors);
            _options.OnSet("preset", _presets.Queue);
            _options.Parse();
            if (_global.Version == true)
            {
                // ascli exits from the option's handler: what is left of the command line is not checked
                _terminal.Out.WriteLine(ProductVersion.Value);
                return 0;
            }
            if (_global.Completion is { } shell)
            {
                _terminal.Out.Write(Completion.Script(shell));
                return FinalErrors(0);
            }
            // after the two options that print and exit: they read neither the terminal nor the display
            InteractiveDefaults();
            _presets.LoadConfig();
            string? pluginName = _arguments.IsEmpty ? null : _arguments.Peek();
            if (pluginName is not null && !_global.BashComp.GetValueOrDefault())
                pluginName = _arguments.NextCommand(PluginRegistry.Words);
            _presets.QueueDefaults(pluginName);
            _options.Parse();
            var plugin = pluginName is null or "help" ? null : PluginRegistry.Find(pluginName);
            if (plugin is not null)
            {
                _options.Declare(plugin.Options);
                // ascli builds the config plugin with the global options: no parse of its own
                if (pluginName != ConfigPluginName) _options.Parse();
            }
            if (_global.BashComp == true)
            {
                Completion.WriteCandidates(_terminal.Out, _arguments, plugin);
                return 0;
            }
            if (_global.Help == true || pluginName == "help")
            {
                // as ascli: help goes to stderr, at any depth of the tree, and what follows it is not processed
                _terminal.Err.Write(Help.Text(plugin, _options.Declared, _arguments.Remaining));
                _arguments.Clear();
                return 0;
            }
            if (_global.ShowConfig == true)
            {
                Formatter.DisplayResult(Result.SingleObject(ShowConfig()));
                return FinalErrors(0);
            }
            if (plugin is null)
            {
                // no plugin: ascli asks for the first command word
                _arguments.NextCommand(PluginRegistry.Words);
                return 1;
            }
            guard = ProcessGuard.Acquire(_global.LockPort, _global.PidFile, CoreServices.Log(_context));
            if (guard.Skipped)
            {
                // as ascli: the command is not executed, what is left of the command line is not checked, status 0
                guard.Dispose();
                guard = null;
                _presets.SaveIfNeeded(message => Formatter.DisplayStatus(message));
                _errors.Finish();
                _outputFile?.Flush();
                return 0;
            }
            _presets.Register(_context);
            _context.Register(new PluginCatalog(PluginRegistry.All));
            _context.Register(new TransferAgentCatalog(PluginRegistry.Agents));
            _context.Prompt = _arguments.Prompt;
            // the command line is checked down to the leaf and its arguments before the plugin is built
            var resolved = CommandRunner.Resolve(plugin.Tree, _arguments, () => new CommandOptions(_options).Bulk == true);
            var instance = plugin.Create(_context);
            var result = await CommandRunner.Run(instance, resolved, new CommandContext(_context));
            await Formatter.DisplayResultAsync(result);
            if (Formatter.ExitCode != 0) code = Formatter.ExitCode;
        }
        catch (CliException e)
        {
            code = 1;
            _errors.Report(e);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            code = 1;
            _errors.Report(e);
        }
        finally
        {
            guard?.Dispose();
        }
        try
        {
            _presets.SaveIfNeeded(message => Formatter.DisplayStatus(message));
        }
        catch (CliException e)
        {
            code = 1;
            _errors.Report(e);
        }
        return FinalErrors(code);
    }

    /// <summary>ascli's final check: options and values that nothing consumed are errors.</summary>
    private int FinalErrors(int code)
    {
        var errors = new List<string>();
        if (_options.UnprocessedCommandLine.Count > 0) errors.Add("unprocessed options: " + Core.Values.RubyInspect.Inspect(_options.UnprocessedCommandLine));
        if (!_arguments.IsEmpty) errors.Add("unprocessed values: " + Core.Values.RubyInspect.Inspect(_arguments.Remaining));
        foreach (var e in errors) _errors.ReportUnprocessed(e);
        _errors.Finish();
        _outputFile?.Flush();
        return errors.Count > 0 ? 1 : code;
    }

    /// <summary>Interactive input is on by default only when standard input is a terminal.</summary>
    private void InteractiveDefaults()
    {
        if (!_options.IsSet("interactive")) _options.Set("interactive", JsonScalar.Bool(_terminal.InputIsTerminal), "default");
        if (!_options.IsSet("ui")) _options.Set("ui", JsonScalar.Text(Environment.GetEnvironmentVariable("DISPLAY") is { Length: > 0 } ? "graphical" : "text"), "default");
        if (new InputOptions(_options).Interactive == true)
        {
            _options.MandatoryPrompt = d => Prompt.Ask(_terminal, "option: " + d.Name, d.Sensitive);
            _arguments.Prompt = (description, choices) => Prompt.Ask(_terminal, (choices is null ? "" : string.Join(' ', choices) + "\n") + "argument: " + description, false);
        }
    }

    private JsonObject ShowConfig()
    {
        var result = new JsonObject();
        foreach (var d in _options.Declared)
        {
            if (d.Type == OptionType.Flag) continue;
            var value = _options.Get(d.Name) ?? ShownWhenUnset(d.Name);
            if (value is not null) result[d.Name] = value.DeepClone();
        }
        return result;
    }

    /// <summary>
    /// What ascli's <c>--show-config</c> shows for options it reads through an accessor or declares with a default
    /// our option store leaves unset (the value is computed where it is used).
    /// </summary>
    private JsonNode? ShownWhenUnset(string name) => name switch
    {
        "config_file" => _presets.Paths?.ConfigFile,
        "preset" => "write-only option",
        "use_product" => "write-only option, see value of ascp_path",
        "sdk_url" or "fields" => "DEF",
        "sdk_folder" => Path.Combine(_userHome, ".aspera", "sdk"),
        "progress_bar" => _terminal.OutputIsTerminal,
        "image" or "http_options" or "ts" or "transfer_info" => new JsonObject(),
        _ => null,
    };

    private const string ConfigPluginName = "config";

    private ResultFormatter Formatter => _formatter ??= CreateFormatter();

    /// <summary>The REST stack of every product plugin; its HTTP pipeline is built on the first call.</summary>
    private RestFactory Rest => RestServices.Rest(_context);

    private ResultFormatter CreateFormatter()
    {
        var settings = new OutputSettings
        {
            Format = _output.Format ?? "table",
            Fields = _output.Fields,
            Select = _output.Select,
            Display = _output.Display ?? "info",
            ShowSecrets = _output.ShowSecrets == true,
            TableStyle = _output.TableStyle,
            FlatHash = _output.FlatHash != false,
            MultiSingle = _output.MultiSingle ?? "no",
        };
        TextWriter writer = _terminal.Out;
        // "-" is ascli's name for the standard output
        if (_output.Output is { } path && path != "-")
        {
            try { _outputFile = writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false)); }
            catch (Exception e) when (e is DirectoryNotFoundException or FileNotFoundException)
            {
                throw CliException.Other("Errno::ENOENT", $"No such file or directory @ rb_sysopen - {path}");
            }
        }
        return new ResultFormatter(settings, writer)
        {
            Images = new ImageSettings { Options = _output.Image, UrlReader = ReadPicture },
        };
    }

    /// <summary>An image URL of a result (<c>--format=image</c>), read through the REST stack.</summary>
    private byte[] ReadPicture(string url) => Rest.ReadBytesAsync(url).GetAwaiter().GetResult();
}
