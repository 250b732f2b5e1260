using AsperaNative.Core.ExtendedValues;
using AsperaNative.Core.Options;

namespace AsperaNative.Core.Commands;

/// <summary>
/// What a plugin is constructed with: the option store (read through generated option sets),
/// the terminal, extended value evaluation, a status sink and the shared services of the
/// libraries (config file, REST factory, transfer agent…), registered by the composition root.
/// </summary>
public sealed class PluginContext(OptionStore options, Terminal.Terminal terminal, Action<string> status)
{
    private readonly Dictionary<Type, object> _services = [];

    public OptionStore Options { get; } = options;
    public Terminal.Terminal Terminal { get; } = terminal;
    public ExtendedValueContext ExtendedValues => Options.ExtendedValues;

    /// <summary>Shows an info message ("Saving config file.") through the formatter, honouring --display.</summary>
    public void Status(string message) => status(message);

    public void AddService<T>(T service) where T : class => _services[typeof(T)] = service;

    public T GetService<T>() where T : class
        => _services.TryGetValue(typeof(T), out var s) ? (T)s : throw new InvalidOperationException($"service not registered: {typeof(T).Name}");

    public T? TryGetService<T>() where T : class => _services.TryGetValue(typeof(T), out var s) ? (T)s : null;
}
